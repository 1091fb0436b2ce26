using Grpc.Core;
using System.Diagnostics;

namespace IcpExperiments.Benchmarks.EndToEnd;

/// <summary>Runs <c>concurrency</c> closed-loop workers for a fixed duration and records every call's latency.</summary>
public static class LatencyRun
{
    public sealed record Result(string Name, long Calls, long Errors, double Seconds, double P50Ms, double P99Ms)
    {
        public double CallsPerSecond => Calls / Seconds;

        public override string ToString() =>
            $"{Name,-28} {CallsPerSecond,10:N0} calls/s   p50 {P50Ms,6:F2} ms   p99 {P99Ms,6:F2} ms   errors {Errors}";
    }

    /// <summary><paramref name="call"/> gets (worker, sequence number) so each call can be unique.</summary>
    public static async Task<Result> RunAsync(string name, int concurrency, TimeSpan duration, Func<int, long, Task> call)
    {
        var latencies = new List<double>[concurrency];
        long errors = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(100_000);
            for (long sequence = 0; Stopwatch.GetTimestamp() < stopAt; sequence++)
            {
                long started = Stopwatch.GetTimestamp();
                try
                {
                    await call(worker, sequence);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (RpcException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        total.Stop();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(name, all.Length, errors, total.Elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
