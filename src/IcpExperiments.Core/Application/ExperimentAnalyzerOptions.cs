namespace IcpExperiments.Core.Application;

/// <summary>
/// Settings of <see cref="ExperimentAnalyzer"/> (section <c>IcpExperiments:Analysis</c>). <see cref="LiveGranularity"/>:
/// a call without as-of is analysed as of now truncated to this step, so every poll within one step shares one cached
/// result (censoring moves on with the clock; one minute of it is invisible on a sales cycle of weeks).
/// <see cref="CacheCapacity"/>: results kept, least recently used evicted first. A results watch pushes at most one
/// result per <see cref="WatchMinimumInterval"/> (debounce) and, besides this process' own change signal, polls every
/// <see cref="WatchPollInterval"/> for writes by other server replicas.
/// <para>
/// <see cref="LiveMaxStaleness"/> (default 5 s, zero turns it off): a live call (no as-of) may be answered with the
/// newest result computed at most this long ago although outcomes arrived since; the result's data version says which
/// data it reflects. Dashboards polling during continuous ingest then cost about one analysis per this interval
/// instead of one per write. A call with an explicit as-of, or after a design, state or spend change, is always exact.
/// </para>
/// </summary>
public sealed class ExperimentAnalyzerOptions
{
    public const string SectionName = "IcpExperiments:Analysis";
    public const int DefaultCacheCapacity = 256;
    public static readonly TimeSpan DefaultLiveGranularity = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan DefaultWatchMinimumInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan DefaultWatchPollInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultLiveMaxStaleness = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxLiveMaxStaleness = TimeSpan.FromMinutes(10);

    public int CacheCapacity { get; set; } = DefaultCacheCapacity;

    public TimeSpan WatchMinimumInterval { get; set; } = DefaultWatchMinimumInterval;

    public TimeSpan WatchPollInterval { get; set; } = DefaultWatchPollInterval;

    public TimeSpan LiveGranularity { get; set; } = DefaultLiveGranularity;

    public TimeSpan LiveMaxStaleness { get; set; } = DefaultLiveMaxStaleness;

    /// <summary>Problems with the settings, empty when valid (checked at start-up).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (CacheCapacity < 1) problems.Add($"{nameof(CacheCapacity)} must be at least 1 (got {CacheCapacity}).");
        if (LiveGranularity < TimeSpan.FromSeconds(1) || LiveGranularity > TimeSpan.FromDays(1))
            problems.Add($"{nameof(LiveGranularity)} must be between 1 second and 1 day (got {LiveGranularity}).");
        if (WatchMinimumInterval < TimeSpan.Zero || WatchMinimumInterval > TimeSpan.FromHours(1))
            problems.Add($"{nameof(WatchMinimumInterval)} must be between 0 and 1 hour (got {WatchMinimumInterval}).");
        if (WatchPollInterval < TimeSpan.FromMilliseconds(10) || WatchPollInterval > TimeSpan.FromHours(1))
            problems.Add($"{nameof(WatchPollInterval)} must be between 10 ms and 1 hour (got {WatchPollInterval}).");
        if (LiveMaxStaleness < TimeSpan.Zero || LiveMaxStaleness > MaxLiveMaxStaleness)
            problems.Add($"{nameof(LiveMaxStaleness)} must be between 0 and {MaxLiveMaxStaleness.TotalMinutes:0} minutes (got {LiveMaxStaleness}).");
        return problems;
    }
}
