namespace IcpExperiments.Core.Application;

/// <summary>
/// A bounded, thread-safe cache of analyses: least recently used entries are evicted beyond the capacity, and
/// concurrent callers of one key share a single computation (the first caller starts it, the others await it). A
/// computation that fails is forgotten, so the next caller tries again. A caller that gives up (cancellation) stops
/// waiting without cancelling the computation the others share.
/// </summary>
public sealed class AnalysisResultsCache
{
    private readonly int capacity;
    private readonly Lock gate = new();
    private readonly Dictionary<AnalysisCacheKey, LinkedListNode<Entry>> entries = [];
    private readonly LinkedList<Entry> recency = new();

    public AnalysisResultsCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.capacity = capacity;
    }

    /// <summary>Entries held (finished or in flight).</summary>
    public int Count
    {
        get
        {
            lock (gate) return entries.Count;
        }
    }

    /// <summary>The analysis for <paramref name="key"/>, computed by <paramref name="compute"/> only when no entry exists.</summary>
    public Task<ExperimentAnalysis> GetOrAddAsync(AnalysisCacheKey key, Func<Task<ExperimentAnalysis>> compute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compute);
        Entry entry;
        lock (gate)
        {
            if (entries.TryGetValue(key, out var node))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                entry = node.Value;
            }
            else
            {
                entry = new Entry(key);
                entries[key] = recency.AddFirst(entry);
                if (entries.Count > capacity) Evict(recency.Last!.Value);
                entry.Result = new Lazy<Task<ExperimentAnalysis>>(() => ComputeAsync(entry, compute), LazyThreadSafetyMode.ExecutionAndPublication);
            }
        }

        return entry.Result!.Value.WaitAsync(cancellationToken);
    }

    private async Task<ExperimentAnalysis> ComputeAsync(Entry entry, Func<Task<ExperimentAnalysis>> compute)
    {
        try
        {
            // Off the caller's thread, so a caller that stops waiting does not hold the shared work.
            return await Task.Run(compute);
        }
        catch
        {
            lock (gate) Evict(entry);
            throw;
        }
    }

    /// <summary>Removes <paramref name="entry"/> if it is still the one cached for its key (call under the gate).</summary>
    private void Evict(Entry entry)
    {
        if (entries.TryGetValue(entry.Key, out var node) && ReferenceEquals(node.Value, entry))
        {
            entries.Remove(entry.Key);
            recency.Remove(node);
        }
    }

    private sealed class Entry(AnalysisCacheKey key)
    {
        public AnalysisCacheKey Key { get; } = key;

        public Lazy<Task<ExperimentAnalysis>>? Result { get; set; }
    }
}
