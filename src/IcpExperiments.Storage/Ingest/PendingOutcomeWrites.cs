namespace IcpExperiments.Storage.Ingest;

/// <summary>
/// Unary outcome writes queued for the write gate (one per process). SQLite takes one writer at a time and each commit
/// has a fixed cost, so concurrent callers share transactions: the caller that gets the gate stores everything queued
/// by then, and each caller still returns only after its own row is committed.
/// </summary>
internal sealed class PendingOutcomeWrites
{
    private readonly Lock sync = new();
    private List<PendingOutcome> queued = [];

    public void Enqueue(PendingOutcome write)
    {
        lock (sync) queued.Add(write);
    }

    /// <summary>Every queued write not abandoned by its caller, now claimed by the calling writer, in arrival order.</summary>
    public List<PendingOutcome> ClaimAll()
    {
        List<PendingOutcome> taken;
        lock (sync)
        {
            taken = queued;
            queued = [];
        }

        taken.RemoveAll(write => !write.TryClaim());
        return taken;
    }
}
