using Microsoft.Extensions.Options;

namespace IcpExperiments.Storage.Analysis.ReadModel;

/// <summary>
/// The process' read models, one <see cref="ReadModelEntry"/> per (team, experiment), bounded by
/// <see cref="AnalysisReadModelOptions.ReadModelMegabytes"/> in total: after an entry grows, the least recently used
/// others are dropped until the total fits (an entry alone larger than the budget is dropped too, and its experiment
/// scanned each time). A dropped entry still being used by a caller stays valid for that call.
/// </summary>
internal sealed class AnalysisReadModels(IOptions<AnalysisReadModelOptions> options)
{
    private readonly Dictionary<(string, string), ReadModelEntry> entries = [];
    private readonly LinkedList<ReadModelEntry> recency = new();
    private readonly Lock gate = new();
    private long totalBytes;

    /// <summary>The rows every entry's pending deltas may hold together (a quarter of the budget, see <see cref="PendingRowBudget"/>).</summary>
    public PendingRowBudget PendingBudget { get; } = PendingRowBudget.ForReadModel(options.Value.BudgetBytes);

    public bool Enabled => options.Value.ReadModelMegabytes > 0;

    public long TotalBytes
    {
        get
        {
            lock (gate) return totalBytes;
        }
    }

    /// <summary>The most rows each entry keeps pending (<see cref="PendingDeltas.DefaultMaxRows"/>; lower in tests), for entries created from now on.</summary>
    public int MaxPendingRows { get; set; } = PendingDeltas.DefaultMaxRows;

    /// <summary>The entry of an experiment, created when missing, marked most recently used.</summary>
    public ReadModelEntry Get(string team, string experimentId)
    {
        lock (gate)
        {
            if (!entries.TryGetValue((team, experimentId), out var entry))
            {
                entry = new ReadModelEntry((team, experimentId), MaxPendingRows, PendingBudget);
                entries.Add(entry.Key, entry);
                entry.Recency = recency.AddFirst(entry);
                return entry;
            }

            recency.Remove(entry.Recency!);
            recency.AddFirst(entry.Recency!);
            return entry;
        }
    }

    /// <summary>The entry of an experiment when it has one, without creating it or changing its recency (the write feed's lookup).</summary>
    public ReadModelEntry? Find(string team, string experimentId)
    {
        lock (gate) return entries.GetValueOrDefault((team, experimentId));
    }

    /// <summary>Records an entry's new size (its facts may have grown, been replaced or dropped) and evicts to fit.</summary>
    public void Resized(ReadModelEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        long bytes = entry.Facts?.Bytes ?? 0;
        lock (gate)
        {
            if (!entries.TryGetValue(entry.Key, out var current) || !ReferenceEquals(current, entry)) return;
            totalBytes += bytes - entry.CountedBytes;
            entry.CountedBytes = bytes;
            while (totalBytes > options.Value.BudgetBytes && recency.Last is { } oldest) Drop(oldest.Value);
        }
    }

    private void Drop(ReadModelEntry entry)
    {
        entries.Remove(entry.Key);
        recency.Remove(entry.Recency!);
        totalBytes -= entry.CountedBytes;
        entry.CountedBytes = 0;
        entry.Pending.Stop();
    }
}
