using IcpExperiments.Storage.Ingest;

namespace IcpExperiments.Storage.Analysis.ReadModel;

/// <summary>
/// Feeds this process's own committed writes to the read models that track their experiment (see
/// <see cref="PendingDeltas"/>), so a reader brings its model up to date without reading SQL. Experiments never analysed
/// here have no entry and cost one dictionary lookup per transaction.
/// </summary>
internal sealed class ReadModelFeed(AnalysisReadModels models) : IIngestCommitObserver
{
    public void Committed(IngestCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var pending = models.Find(commit.Team.Value, commit.ExperimentId)?.Pending;
        if (pending is { IsCollecting: true }) pending.Add(ReadModelDelta.From(commit));
    }
}
