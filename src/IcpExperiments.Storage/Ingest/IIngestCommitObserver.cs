namespace IcpExperiments.Storage.Ingest;

/// <summary>
/// Told of every ingest transaction of this process that wrote rows, after it committed and while the write gate is still
/// held, so in commit order. Must not throw: the rows are stored whatever it does.
/// </summary>
internal interface IIngestCommitObserver
{
    void Committed(IngestCommit commit);
}
