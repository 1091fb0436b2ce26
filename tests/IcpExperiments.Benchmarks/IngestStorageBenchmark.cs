using System.Diagnostics;
using IcpExperiments.Core.Accounts;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Enrolments;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Profiles;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage;
using IcpExperiments.Storage.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IcpExperiments.Benchmarks;

/// <summary>
/// Outcomes for pre-enrolled accounts through IOutcomeRepository.ImportAsync (lookups, idempotency, contamination and
/// state checks, two indexes, a commit per batch) against the floor: the same rows in one prepared INSERT in one
/// transaction into an unindexed SQLite table, same pragmas. Options: --rows N (1,000,000), --batch B (5,000),
/// --postgres "Host=…;Username=…" (a server where it may create a database): the same through the PostgreSQL provider,
/// against a plain binary COPY of the same rows into an unindexed table of a database on the same server.
/// </summary>
public sealed class IngestStorageBenchmark : IBenchmark
{
    private static readonly TeamId Team = TeamId.Default;
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public string Name => "ingest-storage";

    public string Description => "outcomes/s through IOutcomeRepository.ImportAsync vs. one prepared INSERT in one transaction (floor)";

    public async Task RunAsync(string[] args)
    {
        int rows = BenchmarkArgs.Option(args, "--rows", 1_000_000);
        int batchSize = Math.Min(BenchmarkArgs.Option(args, "--batch", 5_000), ImportBatch.MaxRows);
        var folder = Path.Combine(Path.GetTempPath(), "icpx-bench-" + Guid.NewGuid().ToString("N"));
        if (BenchmarkArgs.Text(args, "--postgres") is { } server)
        {
            await RunOnPostgresAsync(server, rows, batchSize);
            return;
        }

        try
        {
            var outcomes = Enumerable.Range(0, rows).Select(Outcome).ToArray();
            var repositoryRate = await MeasureRepositoryAsync(o => o.DatabasePath = Path.Combine(folder, "repository.db"), outcomes, batchSize);
            var floorRate = SqliteInsertFloor.Measure(Path.Combine(folder, "floor.db"), outcomes.Select(ToFloorRow).ToArray());
            Console.WriteLine($"rows={rows:N0} batch={batchSize:N0}");
            Console.WriteLine($"ImportAsync        {repositoryRate,12:N0} outcomes/s");
            Console.WriteLine($"floor (1 tx, 1 stmt) {floorRate,10:N0} rows/s");
            Console.WriteLine($"ratio              {repositoryRate / floorRate,12:F2} (target >= 0.50)");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Repository, then floor, each in a fresh database of its own on <paramref name="server"/>, dropped afterwards.</summary>
    private static async Task RunOnPostgresAsync(string server, int rows, int batchSize)
    {
        var outcomes = Enumerable.Range(0, rows).Select(Outcome).ToArray();
        var repository = await PostgresBenchDatabase.CreateAsync(server);
        var floor = await PostgresBenchDatabase.CreateAsync(server);
        try
        {
            var repositoryRate = await MeasureRepositoryAsync(
                o => (o.Provider, o.ConnectionString) = (StorageOptions.PostgresProvider, repository.ConnectionString), outcomes, batchSize);
            var floorRate = await PostgresCopyFloor.MeasureAsync(floor.ConnectionString, outcomes.Select(ToFloorRow).ToArray());
            Console.WriteLine($"postgres rows={rows:N0} batch={batchSize:N0}");
            Console.WriteLine($"ImportAsync          {repositoryRate,12:N0} outcomes/s");
            Console.WriteLine($"floor (binary COPY)  {floorRate,12:N0} rows/s");
            Console.WriteLine($"ratio                {repositoryRate / floorRate,12:F2} (target >= 0.50)");
        }
        finally
        {
            await repository.DropAsync();
            await floor.DropAsync();
        }
    }

    private static async Task<double> MeasureRepositoryAsync(Action<StorageOptions> configure, OutcomeEvent[] outcomes, int batchSize)
    {
        await using var services = new ServiceCollection().AddIcpExperimentsStorage(configure).AddIcpExperimentsPostgresStorage().BuildServiceProvider();
        await services.MigrateIcpExperimentsStorageAsync();
        await using (var setup = services.CreateAsyncScope())
        {
            await CreateRunningExperimentAsync(setup.ServiceProvider);
            var repository = setup.ServiceProvider.GetRequiredService<IOutcomeRepository>();
            var enrolStopwatch = Stopwatch.StartNew();
            foreach (var chunk in outcomes.Chunk(batchSize))
            {
                var enrolments = chunk.Select(o => new ImportRow(Enrolment(o.AccountId), null)).ToList();
                var enrolled = await repository.ImportAsync(Team, "bench", new ImportBatch("enrol", enrolments), Now, CancellationToken.None);
                if (enrolled.Rejections.Count > 0) throw new InvalidOperationException(enrolled.Rejections[0].Message);
            }

            Console.WriteLine($"(setup) enrolments via ImportAsync: {outcomes.Length / enrolStopwatch.Elapsed.TotalSeconds:N0}/s");
        }

        var batches = outcomes.Chunk(batchSize).Select((chunk, i) => new ImportBatch($"b{i}", chunk.Select(o => new ImportRow(null, o)).ToList())).ToList();
        await using var scope = services.CreateAsyncScope();
        var outcomesRepository = scope.ServiceProvider.GetRequiredService<IOutcomeRepository>();
        var stopwatch = Stopwatch.StartNew();
        int accepted = 0;
        foreach (var batch in batches) accepted += (await outcomesRepository.ImportAsync(Team, "bench", batch, Now, CancellationToken.None)).Accepted;
        stopwatch.Stop();
        if (accepted != outcomes.Length) throw new InvalidOperationException($"Only {accepted} of {outcomes.Length} outcomes were accepted.");
        return outcomes.Length / stopwatch.Elapsed.TotalSeconds;
    }

    private static SqliteInsertFloor.Row ToFloorRow(OutcomeEvent o) =>
        new(o.EventId, o.AccountId, o.Kind.ToString(), o.OccurredAt.UtcTicks, o.Acv?.CurrencyCode, o.Acv?.Amount, o.CycleDays);

    private static async Task CreateRunningExperimentAsync(IServiceProvider services)
    {
        var profiles = services.GetRequiredService<IProfileRepository>();
        await profiles.CreateAsync(Team, new Profile("bench-icp", "Benchmark ICP", "", 0, Now, Now), CancellationToken.None);
        var design = new ExperimentDesign("Benchmark", "Ingest is fast", "bench-icp", new ArmDesign("control", 1, 0.5, ""), [new ArmDesign("variant-a", 2, 0.5, "")],
            Metric.Conversion, [], 0.05, 0.8, 0.1, 180, AnalysisMode.Sequential);
        var experiment = new Experiment("bench", design, ExperimentState.Running, "", Now, Now, Now, null, null, null);
        await services.GetRequiredService<IExperimentRepository>().CreateAsync(Team, experiment, CancellationToken.None);
    }

    private static Enrolment Enrolment(string accountId) =>
        new("bench", "enrol-" + accountId, new Account(accountId, new AccountAttributes("saas", 200, "emea", null, null, [], new Dictionary<string, string>())),
            accountId.GetHashCode(StringComparison.Ordinal) % 2 == 0 ? "control" : "variant-a", null, Now.AddDays(-90));

    private static OutcomeEvent Outcome(int i) => i % 3 == 0
        ? new OutcomeEvent($"evt-{i:D7}", $"acct-{i:D7}", OutcomeKind.Converted, Now.AddDays(-(i % 60)), new Money("USD", 12_000m + (i % 1000)), 30 + (i % 90))
        : new OutcomeEvent($"evt-{i:D7}", $"acct-{i:D7}", OutcomeKind.Lost, Now.AddDays(-(i % 60)), null, null);
}
