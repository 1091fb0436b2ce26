namespace IcpExperiments.Storage.Ingest;

/// <summary>
/// Told of every ingest transaction of this process that wrote rows just before it commits, under the write gate, so
/// in commit order; <see cref="IngestCommit.Committed"/> then says whether it committed. Before, not after: SQLite's
/// commit makes the rows visible to readers and then runs the WAL checkpoint in the same call (up to seconds), and a
/// reader that saw the new data version must find the commit's delta already there. Must not throw.
/// </summary>
internal interface IIngestCommitObserver
{
    void Committing(IngestCommit commit);
}
