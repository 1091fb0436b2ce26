using System.Diagnostics;
using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage;
using IcpExperiments.Storage.Analysis.ReadModel;
using Microsoft.Extensions.DependencyInjection;

namespace IcpExperiments.Benchmarks.Analysis;

/// <summary>
/// The storage half of a cold GetResults, in-process on an existing SQLite file (e.g. the one get-results filled): the
/// ordered scan (read model off), the read model's first load, and a snapshot from the warm model at a new as-of; then
/// the statistics engine on that snapshot. Wall and process CPU milliseconds, medians over --repeat.
/// Usage: analysis-snapshot --db path [--team default] [--experiment bench] [--repeat 5]
/// </summary>
public sealed class AnalysisSnapshotBenchmark : IBenchmark
{
    public string Name => "analysis-snapshot";

    public string Description => "in-process: scan vs. read model (first load, warm) vs. engine on an existing SQLite file";

    public async Task RunAsync(string[] args)
    {
        var path = BenchmarkArgs.Text(args, "--db") ?? throw new ArgumentException("--db <sqlite file> is required.");
        var team = new TeamId(BenchmarkArgs.Text(args, "--team") ?? TeamId.Default.Value);
        var experimentId = BenchmarkArgs.Text(args, "--experiment") ?? "bench";
        int repeat = BenchmarkArgs.Option(args, "--repeat", 5);

        await using var withModel = Services(path, AnalysisReadModelOptions.DefaultReadModelMegabytes);
        await using var scanOnly = Services(path, 0);
        Experiment experiment;
        await using (var scope = withModel.CreateAsyncScope())
            experiment = await scope.ServiceProvider.GetRequiredService<IExperimentRepository>().GetAsync(team, experimentId, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var model = withModel.GetRequiredService<IAnalysisDataSource>();
        var scan = scanOnly.GetRequiredService<IAnalysisDataSource>();

        var (scanWall, scanCpu) = await TimeAsync(repeat, i => scan.LoadSnapshotAsync(team, experiment, now.AddSeconds(-i), CancellationToken.None));
        var (firstWall, firstCpu) = await TimeAsync(1, i => model.LoadSnapshotAsync(team, experiment, now.AddSeconds(-100 - i), CancellationToken.None));
        LoadedSnapshot? loaded = null;
        var (warmWall, warmCpu) = await TimeAsync(repeat, async i => loaded = await model.LoadSnapshotAsync(team, experiment, now.AddSeconds(-200 - i), CancellationToken.None));
        var (engineWall, engineCpu) = await TimeAsync(repeat, i => Task.FromResult(ResultsCalculator.Calculate(loaded!.Snapshot)));

        Console.WriteLine($"{loaded!.Snapshot.TotalAccounts:N0} accounts, data version {loaded.DataVersion}; wall / process CPU ms (medians of {repeat})");
        Console.WriteLine($"  scan (model off)   {scanWall,9:F1} / {scanCpu,9:F1}");
        Console.WriteLine($"  model first load   {firstWall,9:F1} / {firstCpu,9:F1}");
        Console.WriteLine($"  model warm         {warmWall,9:F1} / {warmCpu,9:F1}");
        Console.WriteLine($"  engine             {engineWall,9:F1} / {engineCpu,9:F1}");
        Console.WriteLine($"  managed heap after {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F1} MB");
    }

    private static ServiceProvider Services(string path, int readModelMegabytes)
    {
        var services = new ServiceCollection().AddIcpExperimentsStorage(o => o.DatabasePath = path);
        services.Configure<AnalysisReadModelOptions>(o => o.ReadModelMegabytes = readModelMegabytes);
        return services.BuildServiceProvider();
    }

    private static async Task<(double Wall, double Cpu)> TimeAsync<T>(int repeat, Func<int, Task<T>> work)
    {
        var walls = new List<double>();
        var cpus = new List<double>();
        var process = Process.GetCurrentProcess();
        for (int i = 0; i < repeat; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await work(i);
            walls.Add(clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpus.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
        }

        walls.Sort();
        cpus.Sort();
        return (walls[walls.Count / 2], cpus[cpus.Count / 2]);
    }
}
