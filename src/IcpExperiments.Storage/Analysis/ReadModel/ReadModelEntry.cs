namespace IcpExperiments.Storage.Analysis.ReadModel;

/// <summary>
/// One experiment's slot in <see cref="AnalysisReadModels"/>: its facts (null until loaded), the lock that lets one
/// caller at a time catch up, load or read them, and this process's committed writes not yet applied to them.
/// </summary>
internal sealed class ReadModelEntry((string Team, string Experiment) key, int maxPendingRows = PendingDeltas.DefaultMaxRows, PendingRowBudget? pendingBudget = null)
{
    public (string Team, string Experiment) Key { get; } = key;

    public PendingDeltas Pending { get; } = new(maxPendingRows, pendingBudget);

    public SemaphoreSlim Lock { get; } = new(1, 1);

    public ExperimentFacts? Facts { get; set; }

    /// <summary>A data version at which the experiment could not be modelled (a key collision, an event without enrolment): scan until it changes.</summary>
    public long UnusableAtVersion { get; set; } = -1;

    /// <summary>Bytes counted against the budget for this entry (kept by <see cref="AnalysisReadModels"/>).</summary>
    public long CountedBytes { get; set; }

    public LinkedListNode<ReadModelEntry>? Recency { get; set; }
}
