namespace IcpExperiments.Storage.Analysis.ReadModel;

/// <summary>
/// Settings of the in-memory analysis read model (section <c>IcpExperiments:Analysis</c>, next to the analyzer's):
/// <see cref="ReadModelMegabytes"/> bounds the memory of all experiments' models together (about 55 bytes per enrolled
/// account); the least recently used are dropped first. 0 turns the read model off (every analysis scans).
/// </summary>
public sealed class AnalysisReadModelOptions
{
    public const string SectionName = "IcpExperiments:Analysis";
    public const int DefaultReadModelMegabytes = 256;

    public int ReadModelMegabytes { get; set; } = DefaultReadModelMegabytes;

    public long BudgetBytes => ReadModelMegabytes * 1024L * 1024L;

    /// <summary>Problems with the settings, empty when valid (checked at start-up).</summary>
    public IReadOnlyList<string> Validate() =>
        ReadModelMegabytes is < 0 or > 1_048_576
            ? [$"{nameof(ReadModelMegabytes)} must be between 0 and 1048576 (got {ReadModelMegabytes})."]
            : [];
}
