using System.Diagnostics;
using System.Diagnostics.Metrics;
using IcpExperiments.Core.Telemetry;

namespace IcpExperiments.Storage.Ingest;

/// <summary>
/// The group commit's shape, per transaction: how many unary writes shared it and how long it held the write gate.
/// Few writes per transaction, or long holds, are what make unary writes expensive (README, Benchmarks), so an operator
/// (and whoever tunes the gather) sees them without a scratch build. Nothing is recorded without a listener.
/// </summary>
internal sealed class GroupCommitMetrics
{
    private static readonly int[] WriteBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];
    private static readonly double[] SecondBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

    private readonly Histogram<int>? writes;
    private readonly Histogram<double>? duration;

    public GroupCommitMetrics(IMeterFactory? meters)
    {
        if (meters is null) return;
        var meter = meters.Create(IcpExperimentsMetrics.MeterName);
        writes = meter.CreateHistogram(IcpExperimentsMetrics.GroupCommitWritesName, "{write}", "Unary writes decided in one group-commit transaction.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = WriteBuckets });
        duration = meter.CreateHistogram(IcpExperimentsMetrics.GroupCommitDurationName, "s", "Time one group-commit transaction held the write gate, from begin to commit.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondBuckets });
    }

    /// <summary>One transaction of <paramref name="count"/> writes that started at <paramref name="startedAt"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void Record(int count, long startedAt)
    {
        if (writes is null || duration is null || !(writes.Enabled || duration.Enabled)) return;
        writes.Record(count);
        duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);
    }
}
