namespace IcpExperiments.Core.Application;

/// <summary>
/// Settings of <see cref="ExperimentAnalyzer"/> (section <c>IcpExperiments:Analysis</c>). <see cref="LiveGranularity"/>:
/// a call without as-of is analysed as of now truncated to this step, so every poll within one step shares one cached
/// result (censoring moves on with the clock; one minute of it is invisible on a sales cycle of weeks).
/// <see cref="CacheCapacity"/>: results kept, least recently used evicted first.
/// </summary>
public sealed class ExperimentAnalyzerOptions
{
    public const string SectionName = "IcpExperiments:Analysis";
    public const int DefaultCacheCapacity = 256;
    public static readonly TimeSpan DefaultLiveGranularity = TimeSpan.FromMinutes(1);

    public int CacheCapacity { get; set; } = DefaultCacheCapacity;

    public TimeSpan LiveGranularity { get; set; } = DefaultLiveGranularity;

    /// <summary>Problems with the settings, empty when valid (checked at start-up).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (CacheCapacity < 1) problems.Add($"{nameof(CacheCapacity)} must be at least 1 (got {CacheCapacity}).");
        if (LiveGranularity < TimeSpan.FromSeconds(1) || LiveGranularity > TimeSpan.FromDays(1))
            problems.Add($"{nameof(LiveGranularity)} must be between 1 second and 1 day (got {LiveGranularity}).");
        return problems;
    }
}
