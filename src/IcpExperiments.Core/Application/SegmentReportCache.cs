using IcpExperiments.Core.Analysis.Segments;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>
/// The newest segment report per experiment, for at most <c>capacity</c> experiments (the least recently used is
/// dropped): a repeat GetSegments with the same <see cref="SegmentCacheKey"/> is a lookup, and concurrent identical
/// requests share one computation. Segments are an occasional exploratory read, so one report per experiment is
/// enough; a report that failed or was cancelled is computed again on the next request.
/// </summary>
public sealed class SegmentReportCache
{
    private readonly int capacity;
    private readonly Lock gate = new();
    private readonly Dictionary<(TeamId Team, string ExperimentId), Entry> entries = [];
    private long uses;

    public SegmentReportCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.capacity = capacity;
    }

    /// <summary>
    /// The report for <paramref name="key"/>: the cached one, the one being computed, or a new computation by
    /// <paramref name="compute"/> (given a token that is never cancelled: other callers may share it). The caller
    /// stops waiting when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public Task<SegmentReport> GetOrAddAsync(SegmentCacheKey key, Func<CancellationToken, Task<SegmentReport>> compute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compute);
        Task<SegmentReport> report;
        lock (gate)
        {
            var experiment = (key.Team, key.ExperimentId);
            if (!entries.TryGetValue(experiment, out var entry) || entry.Key != key || entry.Report.IsFaulted || entry.Report.IsCanceled)
            {
                entry = new Entry(key, Task.Run(() => compute(CancellationToken.None), CancellationToken.None));
                entries[experiment] = entry;
            }

            entry.LastUse = ++uses;
            if (entries.Count > capacity) entries.Remove(entries.MinBy(e => e.Value.LastUse).Key);
            report = entry.Report;
        }

        return report.WaitAsync(cancellationToken);
    }

    private sealed class Entry(SegmentCacheKey key, Task<SegmentReport> report)
    {
        public SegmentCacheKey Key { get; } = key;

        public Task<SegmentReport> Report { get; } = report;

        public long LastUse { get; set; }
    }
}
