using System.Diagnostics;
using IcpExperiments.Benchmarks.EndToEnd;

namespace IcpExperiments.Benchmarks.Soak;

/// <summary>
/// Load and soak on loopback: first the maximum rate of the mixed <see cref="SoakWorkload"/> (closed loop,
/// --concurrency callers for --probe-seconds), then an open-loop run at --load percent of it (default 80) for
/// --minutes (default 10), at most <see cref="MaxInFlight"/> calls in flight (beyond that a call is shed and
/// counted). Each minute and at the end: achieved rate, p50/p99 per operation, errors by status, server RSS
/// (VmRSS) and its drift (target below 10%) from the start of the soak, i.e. after the warm-up and the probe, when the
/// server's caches, pools and heaps have grown to their working size; the RSS of the idle server right after start
/// (and after enrolment) is printed too, as a raw baseline. The server runs with the production default live
/// staleness of results (--staleness seconds, 5; 0 turns it off) and the GC settings of its runtimeconfig unless
/// DOTNET_gc* variables in the environment (inherited by the server) override them.
/// </summary>
public sealed class SoakBenchmark : IBenchmark
{
    private const int MaxInFlight = 256;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    public string Name => "soak";

    public string Description => "mixed load (ingest, RecordOutcome, reads, GetResults) at 80% of its measured maximum for --minutes (10): rate, p50/p99, errors, RSS drift";

    public async Task RunAsync(string[] args)
    {
        var minutes = BenchmarkArgs.Option(args, "--minutes", 10);
        var probe = TimeSpan.FromSeconds(BenchmarkArgs.Option(args, "--probe-seconds", 20));
        var concurrency = BenchmarkArgs.Option(args, "--concurrency", 16);
        var loadPercent = BenchmarkArgs.Option(args, "--load", 80);
        var accounts = BenchmarkArgs.Option(args, "--accounts", 20_000);
        var staleness = BenchmarkArgs.Option(args, "--staleness", 5);

        Console.WriteLine($"load average at start {ProcessMemory.LoadAverage()}; GC overrides: {GcOverrides()}; live staleness {staleness} s");
        await using var server = await BenchmarkServer.StartAsync($"--IcpExperiments:Analysis:LiveMaxStaleness=00:00:{staleness:D2}");
        var pid = server.Process.ProcessId ?? throw new InvalidOperationException("The server is not running.");
        var rssBoot = ProcessMemory.ResidentMegabytes(pid);
        await server.EnrolAsync(accounts, 5_000);
        Console.WriteLine($"server RSS right after start {rssBoot:N1} MB, after enrolling {accounts:N0} accounts {ProcessMemory.ResidentMegabytes(pid):N1} MB");
        var workload = new SoakWorkload(server, accounts);
        long sequence = 0;
        await ClosedLoopAsync(workload, concurrency, TimeSpan.FromSeconds(5), () => Interlocked.Increment(ref sequence), new LatencyWindow());
        var probeWindow = new LatencyWindow();
        var maxRate = await ClosedLoopAsync(workload, concurrency, probe, () => Interlocked.Increment(ref sequence), probeWindow);
        Console.WriteLine($"max sustainable mixed rate ({concurrency} closed-loop callers, {probe.TotalSeconds:N0} s): {maxRate:N0} ops/s");
        foreach (var line in probeWindow.Describe()) Console.WriteLine(line);

        var target = maxRate * loadPercent / 100.0;
        var rssStart = ProcessMemory.ResidentMegabytes(pid);
        Console.WriteLine($"soak: {target:N0} ops/s ({loadPercent}% of max) for {minutes} min, at most {MaxInFlight} in flight; RSS at start (after warm-up and probe) {rssStart:N1} MB");
        var total = new LatencyWindow();
        long shed = 0;
        for (int minute = 1; minute <= minutes; minute++)
        {
            var window = new LatencyWindow();
            var watch = Stopwatch.StartNew();
            shed += await OpenLoopAsync(workload, target, TimeSpan.FromMinutes(1), () => Interlocked.Increment(ref sequence), window, total);
            var rss = ProcessMemory.ResidentMegabytes(pid);
            Console.WriteLine($"minute {minute,2}: {window.Calls / watch.Elapsed.TotalSeconds,8:N0} ops/s   errors {window.Errors,5}   shed {shed,6}   RSS {rss,7:N1} MB ({Drift(rssStart, rss):+0.0;-0.0}%)");
            foreach (var line in window.Describe()) Console.WriteLine(line);
        }

        var rssEnd = ProcessMemory.ResidentMegabytes(pid);
        Console.WriteLine($"total: {total.Calls:N0} calls, {total.Errors} errors, {shed} shed; RSS {rssStart:N1} -> {rssEnd:N1} MB, drift {Drift(rssStart, rssEnd):+0.0;-0.0}% (target < 10%); "
            + $"from the idle server {rssBoot:N1} MB: {Drift(rssBoot, rssEnd):+0.0;-0.0}%; peak {ProcessMemory.PeakResidentMegabytes(pid):N1} MB; load average at end {ProcessMemory.LoadAverage()}");
        foreach (var line in total.Describe()) Console.WriteLine(line);
    }

    private static double Drift(double start, double now) => (now - start) / start * 100;

    private static string GcOverrides()
    {
        var set = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("DOTNET_gc", StringComparison.OrdinalIgnoreCase) || k.StartsWith("DOTNET_GC", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Select(k => $"{k}={Environment.GetEnvironmentVariable(k)}").ToList();
        return set.Count == 0 ? "none (runtimeconfig)" : string.Join(" ", set);
    }

    /// <summary>As fast as <paramref name="callers"/> callers can go; returns operations per second.</summary>
    private static async Task<double> ClosedLoopAsync(SoakWorkload workload, int callers, TimeSpan duration, Func<long> next, LatencyWindow window)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < stopAt) await workload.RunAsync(next(), window);
        })));
        return window.Calls / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Starts operations on a fixed schedule (<paramref name="rate"/> per second) whatever the latency; returns how many were shed.</summary>
    private static async Task<long> OpenLoopAsync(SoakWorkload workload, double rate, TimeSpan duration, Func<long> next, LatencyWindow window, LatencyWindow total)
    {
        using var inFlight = new SemaphoreSlim(MaxInFlight);
        var running = new List<Task>();
        long started = 0, shed = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            var due = (long)(watch.Elapsed.TotalSeconds * rate);
            for (; started < due; started++)
            {
                if (!inFlight.Wait(0))
                {
                    shed++;
                    continue;
                }

                var sequence = next();
                running.Add(Task.Run(async () =>
                {
                    try
                    {
                        var mine = new LatencyWindow();
                        await workload.RunAsync(sequence, mine);
                        window.Merge(mine);
                        total.Merge(mine);
                    }
                    finally
                    {
                        inFlight.Release();
                    }
                }));
            }

            running.RemoveAll(t => t.IsCompleted);
            await Task.Delay(Tick);
        }

        await Task.WhenAll(running);
        return shed;
    }
}
