using IcpExperiments.Core.Telemetry;

namespace IcpExperiments.Core.Application;

/// <summary>
/// A bounded, thread-safe cache of analyses that keeps only the newest result per <see cref="AnalysisSeriesKey"/>
/// (least recently used series evicted beyond the capacity) and coalesces computations: at most one runs per series,
/// and callers that need something newer than the running one all share a single queued one, so under continuous
/// writes a series has at most two computations (one running, one queued) however many callers poll it.
/// <para>
/// What a caller gets: a result at least as fresh as the inputs it read (same etag and spend, data version ≥ its own).
/// That may rest on a newer data version than the caller read (results report theirs), never an older one. A queued
/// computation loads its data when it starts, after every waiter registered, so it satisfies them all.
/// </para>
/// <para>
/// A caller that gives up stops waiting; when the last waiter of a computation leaves, the computation's token is
/// cancelled (a queued one is dropped before it starts). A computation that fails is not cached.
/// </para>
/// </summary>
public sealed class AnalysisResultsCache
{
    private readonly int capacity;
    private readonly IcpExperimentsMetrics? metrics;
    private readonly Lock gate = new();
    private readonly Dictionary<AnalysisSeriesKey, LinkedListNode<Completed>> completed = [];
    private readonly LinkedList<Completed> recency = new();
    private readonly Dictionary<AnalysisSeriesKey, Series> inFlight = [];

    /// <param name="capacity">Series kept, at least 1.</param>
    /// <param name="metrics">Where lookups are counted as hit, shared or miss; none when null.</param>
    public AnalysisResultsCache(int capacity, IcpExperimentsMetrics? metrics = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.capacity = capacity;
        this.metrics = metrics;
    }

    /// <summary>Finished results held (at most one per series).</summary>
    public int Count
    {
        get
        {
            lock (gate) return completed.Count;
        }
    }

    /// <summary>
    /// An analysis at least as fresh as <paramref name="key"/>: the series' cached result when it satisfies the key, else
    /// the running or queued computation of the series, started by <paramref name="compute"/> (with a token cancelled
    /// when nobody waits for it any more).
    /// </summary>
    public Task<ExperimentAnalysis> GetOrAddAsync(
        AnalysisCacheKey key, Func<CancellationToken, Task<ExperimentAnalysis>> compute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var seriesKey = AnalysisSeriesKey.Of(key);
        Computation joined;
        bool start = false;
        string lookup = IcpExperimentsMetrics.CacheMiss;
        lock (gate)
        {
            if (completed.TryGetValue(seriesKey, out var node) && Satisfies(node.Value.Key, key))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                return Hit(node.Value.Result);
            }

            if (!inFlight.TryGetValue(seriesKey, out var series)) inFlight[seriesKey] = series = new Series();
            if (series.Running is null)
            {
                series.Running = joined = new Computation(key, compute);
                start = true;
            }
            else if (!series.Running.Abandoned && Satisfies(series.Running.Key, key))
            {
                joined = series.Running;
                lookup = IcpExperimentsMetrics.CacheShared;
            }
            else
            {
                // The queued computation runs with the inputs of the latest caller to join it.
                joined = series.Next ??= new Computation(key, compute);
                joined.Key = key;
                joined.Compute = compute;
            }

            joined.Waiters++;
        }

        metrics?.RecordCacheLookup(lookup);
        if (start) _ = RunAsync(seriesKey, joined);
        return WaitAsync(seriesKey, joined, cancellationToken);
    }

    private Task<ExperimentAnalysis> Hit(ExperimentAnalysis result)
    {
        metrics?.RecordCacheLookup(IcpExperimentsMetrics.CacheHit);
        return Task.FromResult(result);
    }

    private static bool Satisfies(AnalysisCacheKey candidate, AnalysisCacheKey wanted) =>
        candidate.Etag == wanted.Etag && candidate.SpendFingerprint == wanted.SpendFingerprint && candidate.DataVersion >= wanted.DataVersion;

    private async Task<ExperimentAnalysis> WaitAsync(AnalysisSeriesKey seriesKey, Computation computation, CancellationToken cancellationToken)
    {
        try
        {
            return await computation.Completion.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            Leave(seriesKey, computation);
        }
    }

    private void Leave(AnalysisSeriesKey seriesKey, Computation computation)
    {
        lock (gate)
        {
            if (--computation.Waiters > 0 || computation.Completion.Task.IsCompleted) return;
            computation.Abandoned = true;
            if (inFlight.TryGetValue(seriesKey, out var series) && ReferenceEquals(series.Next, computation))
            {
                series.Next = null;
                computation.Completion.TrySetCanceled();
            }
        }

        // Outside the gate: cancellation callbacks of the computation run synchronously.
        computation.Cancellation.Cancel();
    }

    private async Task RunAsync(AnalysisSeriesKey seriesKey, Computation computation)
    {
        ExperimentAnalysis? result = null;
        Exception? error = null;
        try
        {
            // Off the caller's thread, so a caller that stops waiting does not hold the shared work.
            result = await Task.Run(() => computation.Compute(computation.Cancellation.Token));
        }
#pragma warning disable CA1031 // Any failure goes to the waiters.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error = e;
        }

        Computation? next;
        lock (gate)
        {
            if (error is null) Store(seriesKey, computation.Key, result!);
            var series = inFlight[seriesKey];
            next = series.Running = series.Next;
            series.Next = null;
            if (next is null) inFlight.Remove(seriesKey);
        }

        if (error is null) computation.Completion.TrySetResult(result!);
        else if (error is OperationCanceledException) computation.Completion.TrySetCanceled();
        else computation.Completion.TrySetException(error);
        if (next is not null) _ = RunAsync(seriesKey, next);
    }

    /// <summary>Keeps <paramref name="result"/> as the series' newest, replacing the older one (call under the gate).</summary>
    private void Store(AnalysisSeriesKey seriesKey, AnalysisCacheKey key, ExperimentAnalysis result)
    {
        if (completed.Remove(seriesKey, out var old)) recency.Remove(old);
        completed[seriesKey] = recency.AddFirst(new Completed(seriesKey, key, result));
        if (completed.Count <= capacity) return;
        var last = recency.Last!;
        recency.RemoveLast();
        completed.Remove(last.Value.Series);
    }

    private sealed record Completed(AnalysisSeriesKey Series, AnalysisCacheKey Key, ExperimentAnalysis Result);

    private sealed class Series
    {
        public Computation? Running { get; set; }

        public Computation? Next { get; set; }
    }

    private sealed class Computation(AnalysisCacheKey key, Func<CancellationToken, Task<ExperimentAnalysis>> compute)
    {
        public AnalysisCacheKey Key { get; set; } = key;

        public Func<CancellationToken, Task<ExperimentAnalysis>> Compute { get; set; } = compute;

        public int Waiters { get; set; }

        /// <summary>Set when the last waiter left: nobody may join it any more.</summary>
        public bool Abandoned { get; set; }

        public CancellationTokenSource Cancellation { get; } = new();

        public TaskCompletionSource<ExperimentAnalysis> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
