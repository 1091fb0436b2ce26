using System.Diagnostics;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using IcpExperiments.Benchmarks.EndToEnd;
using IcpExperiments.Contracts.V1;
using Domain = IcpExperiments.Core.Experiments;

namespace IcpExperiments.Benchmarks.Analysis;

/// <summary>
/// GetResults through the real server on 10k, 100k and 1M enrolled accounts (two arms, wins with ACV, losses, open
/// deals), against SciPy/statsmodels computing the same tests on the same accounts already in memory (only the
/// computation is timed). "cold" is an as-of never asked before (the results cache misses) after the first call loaded
/// the experiment's read model: snapshot from memory + every default test; "cpu" is the server's CPU time per cold call.
/// "scan" is a cold call at an as-of before the latest event, which the read model cannot answer: the ordered SQLite
/// scan, as every cold call was before the read model. "restart" is the first call after the server process was
/// restarted on the same file (empty model: loaded from every row; includes the new process' JIT). "cached" repeats a
/// request. "engine ms" is the calculator alone on the same snapshot in this process. Medians of cold, scan and cached calls. "KB" is the serialized GetResults
/// response (Kaplan–Meier curves thinned to curve_points). GetSegments (every attribute) is timed the same way:
/// cold (a new as-of: scan of every enrolment's attributes + breakdown) and cached. Needs /usr/bin/python3 with scipy
/// and statsmodels (Debian python3-scipy python3-statsmodels). The machine is shared: compare within a row.
/// Usage: get-results [--max 1000000] [--cold 3] [--cached 20] [--seed 20261124]
/// </summary>
public sealed class GetResultsBenchmark : IBenchmark
{
    public string Name => "get-results";

    public string Description => "GetResults cold and cached on 10k/100k/1M accounts vs. SciPy/statsmodels on the same data";

    public async Task RunAsync(string[] args)
    {
        int max = BenchmarkArgs.Option(args, "--max", 1_000_000);
        int coldCalls = BenchmarkArgs.Option(args, "--cold", 3);
        int cachedCalls = BenchmarkArgs.Option(args, "--cached", 20);
        int seed = BenchmarkArgs.Option(args, "--seed", 20261124);
        var script = Path.Combine(RepositoryRoot(), "tests", "IcpExperiments.Benchmarks", "Analysis", "scipy_results.py");

        Console.WriteLine($"{"n",10} {"load s",8} {"restart",8} {"cold ms",8} {"cpu ms",7} {"scan ms",8} {"cached ms",10} {"SciPy ms",9} {"SciPy/cold",10} {"cold ×/10n",10} {"engine ms",9} {"KB",6} {"seg cold",9} {"seg cached",10}  log-rank p (server | SciPy)");
        double? previousCold = null;
        for (int n = 10_000; n <= max; n *= 10)
        {
            var row = await MeasureAsync(n, coldCalls, cachedCalls, seed, script);
            string growth = previousCold is { } p ? (row.ColdMs / p).ToString("F1", CultureInfo.InvariantCulture) : "";
            Console.WriteLine(
                $"{n,10:N0} {row.LoadSeconds,8:F1} {row.RestartMs,8:F1} {row.ColdMs,8:F1} {row.ColdCpuMs,7:F1} {row.ScanMs,8:F1} {row.CachedMs,10:F2} {row.ScipyMs,9:F1} {row.ScipyMs / row.ColdMs,10:F2} {growth,10} {row.EngineMs,9:F1} {row.ResponseKb,6:F1} {row.SegmentsColdMs,9:F1} {row.SegmentsCachedMs,10:F2}  {row.ServerLogRankP:G6} | {row.ScipyLogRankP:G6}");
            previousCold = row.ColdMs;
        }

        Console.WriteLine("n log n would grow ×11.5 (10k→100k) and ×12.0 (100k→1M); linear ×10.");
    }

    private static async Task<Row> MeasureAsync(int n, int coldCalls, int cachedCalls, int seed, string script)
    {
        await using var server = await BenchmarkServer.StartAsync();
        var accounts = new BenchmarkAccounts(n, seed, DateTimeOffset.UtcNow);
        var load = Stopwatch.StartNew();
        var totals = await BatchImporter.SendAsync(new OutcomeService.OutcomeServiceClient(server.Channel), accounts.Batches(server.ExperimentName, 10_000));
        if (totals.Rejected > 0) throw new InvalidOperationException($"{totals.Rejected} rows were rejected.");
        load.Stop();

        var client = new AnalysisService.AnalysisServiceClient(server.Channel);
        GetResultsRequest At(DateTimeOffset asOf) => new() { Experiment = server.ExperimentName, AsOf = Timestamp.FromDateTimeOffset(asOf) };
        await client.GetResultsAsync(At(accounts.Now.AddHours(-1)));

        var cold = new List<double>();
        ExperimentResults? results = null;
        var cpu = CpuMeter.For(server.Process.ProcessId!.Value);
        for (int i = 0; i < coldCalls; i++)
        {
            var clock = Stopwatch.StartNew();
            results = (await client.GetResultsAsync(At(accounts.Now.AddSeconds(-i)))).Results;
            cold.Add(clock.Elapsed.TotalMilliseconds);
        }

        double coldCpuMs = cpu.MicrosecondsPerCall(coldCalls).Server / 1000;
        var scan = new List<double>();
        for (int i = 0; i < coldCalls; i++)
        {
            var clock = Stopwatch.StartNew();
            await client.GetResultsAsync(At(accounts.Now.AddDays(-30).AddSeconds(-i)));
            scan.Add(clock.Elapsed.TotalMilliseconds);
        }

        var cached = new List<double>();
        GetResultsResponse? response = null;
        for (int i = 0; i < cachedCalls; i++)
        {
            var clock = Stopwatch.StartNew();
            response = await client.GetResultsAsync(At(accounts.Now));
            cached.Add(clock.Elapsed.TotalMilliseconds);
        }

        var (segmentsCold, segmentsCached) = await MeasureSegmentsAsync(client, server.ExperimentName, accounts.Now, coldCalls, cachedCalls);
        double restartMs = await FirstCallAfterRestartAsync(server, At(accounts.Now.AddMinutes(-5)));

        var snapshot = accounts.Snapshot(Design(), accounts.Now);
        var engine = new List<double>();
        for (int i = 0; i < coldCalls; i++)
        {
            var clock = Stopwatch.StartNew();
            Core.Analysis.ResultsCalculator.Calculate(snapshot);
            engine.Add(clock.Elapsed.TotalMilliseconds);
        }

        var (scipyMs, scipyLogRankP) = RunScipy(snapshot, script);
        return new Row(
            load.Elapsed.TotalSeconds, restartMs, Median(cold), coldCpuMs, Median(scan), Median(cached), scipyMs, Median(engine), response!.CalculateSize() / 1024.0,
            segmentsCold, segmentsCached, results!.Variants[0].CycleLength.LogRankPValue, scipyLogRankP);
    }

    /// <summary>Restarts the server process on the same database file and times its first GetResults (empty read model).</summary>
    private static async Task<double> FirstCallAfterRestartAsync(BenchmarkServer server, GetResultsRequest request)
    {
        await server.Process.KillAsync();
        await server.Process.StartAsync();
        using var channel = server.Process.CreateChannel();
        var clock = Stopwatch.StartNew();
        await new AnalysisService.AnalysisServiceClient(channel).GetResultsAsync(request);
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Medians of cold GetSegments calls (each at a new as-of, after a warm-up one) and of cached repeats.</summary>
    private static async Task<(double Cold, double Cached)> MeasureSegmentsAsync(
        AnalysisService.AnalysisServiceClient client, string experiment, DateTimeOffset now, int coldCalls, int cachedCalls)
    {
        GetSegmentsRequest At(DateTimeOffset asOf) => new() { Experiment = experiment, AsOf = Timestamp.FromDateTimeOffset(asOf) };
        await client.GetSegmentsAsync(At(now.AddHours(-2)));
        var cold = new List<double>();
        for (int i = 0; i < coldCalls; i++)
        {
            var clock = Stopwatch.StartNew();
            await client.GetSegmentsAsync(At(now.AddMinutes(-1).AddSeconds(-i)));
            cold.Add(clock.Elapsed.TotalMilliseconds);
        }

        var cached = new List<double>();
        for (int i = 0; i < cachedCalls; i++)
        {
            var clock = Stopwatch.StartNew();
            await client.GetSegmentsAsync(At(now.AddMinutes(-1)));
            cached.Add(clock.Elapsed.TotalMilliseconds);
        }

        return (Median(cold), Median(cached));
    }

    private static (double Ms, double LogRankP) RunScipy(Core.Analysis.ExperimentSnapshot snapshot, string script)
    {
        var dump = Path.Combine(Path.GetTempPath(), $"icpx-get-results-{snapshot.TotalAccounts}.bin");
        BenchmarkAccounts.Dump(snapshot, dump);
        try
        {
            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(dump);
            using var python = Process.Start(start)!;
            var output = python.StandardOutput.ReadToEnd();
            var errors = python.StandardError.ReadToEnd();
            python.WaitForExit();
            if (python.ExitCode != 0) throw new InvalidOperationException($"scipy_results.py failed: {errors}");
            var fields = output.Trim().Split(' ').Select(f => f.Split('=')).ToDictionary(f => f[0], f => double.Parse(f[1], CultureInfo.InvariantCulture));
            return (fields["scipy_ms"], fields["p_logrank"]);
        }
        finally
        {
            File.Delete(dump);
        }
    }

    /// <summary>The design the benchmark server creates (Requests.Experiment with the server's defaults).</summary>
    private static Domain.ExperimentDesign Design() => new(
        "Wider head-count", "", "p",
        new Domain.ArmDesign("control", 1, 0.5, ""),
        [new Domain.ArmDesign("wider", 2, 0.5, "")],
        Domain.Metric.Conversion,
        [new Domain.Guardrail(Domain.Metric.Acv, 0.1)],
        0.05, 0.8, 0.2, 180, Domain.AnalysisMode.Sequential);

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "IcpExperiments.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository (IcpExperiments.sln not found above the binary).");
    }

    private sealed record Row(
        double LoadSeconds, double RestartMs, double ColdMs, double ColdCpuMs, double ScanMs, double CachedMs, double ScipyMs, double EngineMs, double ResponseKb,
        double SegmentsColdMs, double SegmentsCachedMs, double ServerLogRankP, double ScipyLogRankP);
}
