namespace IcpExperiments.Storage.Analysis.ReadModel;

/// <summary>
/// One entry's committed deltas not yet applied to its facts, in commit order (ascending data versions), under a small
/// lock of their own: writers add under the write gate while a reader may hold the entry's lock through a long load.
/// A reader takes the chain from its facts' version to the one its transaction read (deltas whose commit failed left
/// out); a version missing from the chain (written by another process, or dropped here) sends it to the SQL catch-up. Collects from the entry's
/// creation (so a first load in progress loses nothing committed meanwhile) until <see cref="Stop"/>. The rows held
/// count against the process-wide <see cref="PendingRowBudget"/> too.
/// </summary>
internal sealed class PendingDeltas(int maxRows = PendingDeltas.DefaultMaxRows, PendingRowBudget? budget = null)
{
    /// <summary>
    /// Rows kept at most. An experiment written but not analysed for long would otherwise hold every row in memory
    /// (about 40 bytes each, so 40 MB here); 1M rows still cover a quarter of an hour of the soak's ingest between two
    /// reads. Past it the list is dropped: its versions are missing, so the next reader catches up by SQL.
    /// </summary>
    public const int DefaultMaxRows = 1_000_000;

    private readonly PendingRowBudget shared = budget ?? PendingRowBudget.Unlimited;
    private readonly Lock sync = new();
    private readonly List<ReadModelDelta> deltas = [];
    private int rows;
    private bool collecting = true;

    public bool IsCollecting
    {
        get
        {
            lock (sync) return collecting;
        }
    }

    /// <summary>Rows held now.</summary>
    public int Rows
    {
        get
        {
            lock (sync) return rows;
        }
    }

    /// <summary>Appends the next committed delta; past the cap, drops it with every one held (a gap).</summary>
    public void Add(ReadModelDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        lock (sync)
        {
            if (!collecting) return;
            if (rows + (long)delta.Rows > maxRows || !shared.TryReserve(delta.Rows))
            {
                Clear();
                return;
            }

            deltas.Add(delta);
            rows += delta.Rows;
        }
    }

    /// <summary>
    /// Removes every delta up to <paramref name="through"/> (the caller's facts reach it either way) and returns those
    /// after <paramref name="after"/> when they are exactly the versions after+1…through; null when any is missing.
    /// </summary>
    public List<ReadModelDelta>? TakeChain(long after, long through)
    {
        lock (sync)
        {
            var chain = new List<ReadModelDelta>();
            long expected = after + 1;
            int taken = 0, released = 0;
            for (; taken < deltas.Count && deltas[taken].DataVersion <= through; taken++)
            {
                var delta = deltas[taken];
                rows -= delta.Rows;
                released += delta.Rows;
                if (delta.DataVersion <= after || chain is null || delta.Failed) continue;
                if (delta.DataVersion != expected)
                {
                    chain = null;
                    continue;
                }

                chain.Add(delta);
                expected++;
            }

            deltas.RemoveRange(0, taken);
            shared.Release(released);
            return chain is not null && expected == through + 1 ? chain : null;
        }
    }

    /// <summary>Starts collecting again (a reader is about to load the facts).</summary>
    public void Start()
    {
        lock (sync) collecting = true;
    }

    /// <summary>Stops collecting and frees what is held (the entry has no facts to feed, or was evicted).</summary>
    public void Stop()
    {
        lock (sync)
        {
            collecting = false;
            Clear();
        }
    }

    /// <summary>Drops every delta held and gives their rows back to the budget; the caller holds the lock.</summary>
    private void Clear()
    {
        shared.Release(rows);
        deltas.Clear();
        rows = 0;
    }
}
