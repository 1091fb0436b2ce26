namespace IcpExperiments.Storage.Analysis.ReadModel;

/// <summary>What <see cref="ReadModelSnapshots.TryFillAsync"/> did.</summary>
internal enum ReadModelFill
{
    /// <summary>The snapshot was built from the read model.</summary>
    Filled,

    /// <summary>The model cannot answer this call (an as-of before its latest event, or an experiment it cannot model): scan.</summary>
    Scan,

    /// <summary>The model already reflects a newer data version than the caller's transaction: read again in a new one.</summary>
    Retry,
}
