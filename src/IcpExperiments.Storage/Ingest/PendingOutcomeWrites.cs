using System.Diagnostics;
using System.Diagnostics.Metrics;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Storage.Ingest;

/// <summary>
/// Group commit of unary outcome writes (one per process). SQLite takes one writer at a time and each commit has a
/// fixed cost, so concurrent callers share transactions: a caller queues its write and awaits it; one drain loop,
/// started by the first write into an empty queue, takes the write gate, stores everything queued by then (one
/// transaction per experiment, decided in arrival order exactly as a batch), completes each write after commit and
/// goes on until the queue is empty. Callers never queue on the gate themselves, so a batch costs one gate hand-off,
/// not one per caller. Before each batch the loop lets the writes already on their way join it (<see cref="GatherAsync"/>).
/// </summary>
internal sealed class PendingOutcomeWrites(IngestWriter writer, IStorageProvider provider, IMeterFactory? meters = null, ExperimentChangeSignal? changes = null)
{
    /// <summary>Most writes stored in one transaction, so one batch never holds the gate for long.</summary>
    public const int MaxBatch = 512;

    /// <summary>Most thread-pool passes <see cref="GatherAsync"/> waits through; each costs microseconds when nothing is running.</summary>
    public const int MaxGatherPasses = 8;

    private readonly GroupCommitMetrics metrics = new(meters);
    private readonly Lock sync = new();
    private List<PendingOutcome> queued = [];
    private bool draining;

    /// <summary>Queues <paramref name="write"/>; it completes (or fails) after the transaction that stores it commits.</summary>
    public void Enqueue(PendingOutcome write)
    {
        ArgumentNullException.ThrowIfNull(write);
        bool startDrain;
        lock (sync)
        {
            queued.Add(write);
            startDrain = !draining;
            draining = true;
        }

        if (!startDrain) return;

        // The loop serves every caller, so it must not carry the first one's execution context (its trace, its scope).
        using (ExecutionContext.SuppressFlow()) _ = Task.Run(DrainAsync);
    }

    private async Task DrainAsync()
    {
        try
        {
            while (true)
            {
                await GatherAsync();
                using var gate = await provider.EnterWriteAsync(CancellationToken.None);
                var batch = ClaimBatch();
                if (batch is null) return;
                if (batch.Count > 0) await StoreAsync(batch);
            }
        }
        catch (Exception error)
        {
            // Only the gate itself can fail here (disposed at shutdown): nothing queued may wait forever.
            List<PendingOutcome> orphans;
            lock (sync)
            {
                orphans = queued;
                queued = [];
                draining = false;
            }

            foreach (var orphan in orphans.Where(o => o.TryClaim())) orphan.Fail(error);
        }
    }

    /// <summary>
    /// Lets the calls already running reach the queue before a batch is claimed: under load, when the loop wakes most
    /// concurrent callers are still being parsed, authenticated or validated on the pool, and a transaction's fixed cost
    /// (begin, experiment lookup, data version, commit and its WAL write) is most of a small write's. Each pass yields to
    /// the work queued on the thread pool before it; the wait ends at the first pass that brings no new write, so an
    /// idle server (one caller) pays one pass. With 32 callers this took batches from about 2 writes to about 20.
    /// </summary>
    private async Task GatherAsync()
    {
        int seen = QueuedCount();
        for (int pass = 0; pass < MaxGatherPasses && seen < MaxBatch; pass++)
        {
            await Task.Yield();
            int now = QueuedCount();
            if (now == seen) return;
            seen = now;
        }
    }

    private int QueuedCount()
    {
        lock (sync) return queued.Count;
    }

    /// <summary>Up to <see cref="MaxBatch"/> queued writes not abandoned by their callers, in arrival order; null (and the loop ends) when none is queued.</summary>
    private List<PendingOutcome>? ClaimBatch()
    {
        List<PendingOutcome> taken;
        lock (sync)
        {
            if (queued.Count == 0)
            {
                draining = false;
                return null;
            }

            if (queued.Count <= MaxBatch)
            {
                taken = queued;
                queued = [];
            }
            else
            {
                taken = queued.GetRange(0, MaxBatch);
                queued.RemoveRange(0, MaxBatch);
            }
        }

        taken.RemoveAll(write => !write.TryClaim());
        return taken;
    }

    /// <summary>
    /// Stores claimed writes, one transaction per experiment in order of first arrival; a failure fails only its
    /// experiment's writes. Watchers of each experiment are woken once per transaction, whatever its outcome.
    /// </summary>
    private async Task StoreAsync(List<PendingOutcome> writes)
    {
        // Nearly always one experiment: then the batch is its own group (no grouping, no copies).
        var groups = writes.TrueForAll(w => w.Team == writes[0].Team && w.ExperimentId == writes[0].ExperimentId)
            ? [writes]
            : writes.GroupBy(w => (w.Team, w.ExperimentId)).Select(group => group.ToList()).ToList();
        foreach (var members in groups)
        {
            var (team, experimentId, recordedAt) = (members[0].Team, members[0].ExperimentId, members[0].Now);
            var items = new IngestItem[members.Count];
            for (int i = 0; i < items.Length; i++) items[i] = members[i].Item;
            // The loop carries no caller's context; the transaction is traced under its first write's call, as a leader's was.
            Activity.Current = members[0].CallerActivity;
            long startedAt = Stopwatch.GetTimestamp();
            IngestPlan plan;
            try
            {
                // The writes of other callers must not fail because one caller gave up: no cancellation from here on.
                plan = await writer.ApplyLockedAsync(team, experimentId, items, recordedAt, CancellationToken.None);
            }
            catch (Exception error)
            {
                changes?.Notify(team, experimentId);
                foreach (var member in members) member.Fail(error);
                continue;
            }
            finally
            {
                Activity.Current = null;
            }

            // Watchers first: a caller that reads its own write's results must find them signalled.
            changes?.Notify(team, experimentId);
            metrics.Record(members.Count, startedAt);
            for (int i = 0; i < members.Count; i++) members[i].Complete(plan.Decisions[i], recordedAt);
        }
    }
}
