using System.Diagnostics;
using System.Diagnostics.Metrics;
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
/// The unary write path below gRPC: <c>--callers</c> in-process callers (32) each recording one outcome at a time through
/// <see cref="IOutcomeRepository.RecordAsync"/> (the group commit, its transactions and commits) for <c>--seconds</c> (10)
/// per round, <c>--repeat</c> rounds (3), against <c>--accounts</c> enrolled accounts (100,000). Baseline, alternating
/// with it in the same run: the same number of rows per transaction (the mean batch the group commit formed) inserted
/// with one prepared statement and committed, into a table of the outcomes' shape and key, same pragmas. Prints writes/s,
/// CPU µs per write and writes per transaction of both; the ratio says what the checks and plumbing cost per write.
/// </summary>
public sealed class UnaryStorageBenchmark : IBenchmark
{
    private static readonly TeamId Team = TeamId.Default;
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public string Name => "unary-storage";

    public string Description => "group-commit RecordAsync writes/s and CPU µs per write at 32 in-process callers vs. raw prepared inserts in transactions of the same size";

    public async Task RunAsync(string[] args)
    {
        int callers = BenchmarkArgs.Option(args, "--callers", 32);
        int accounts = BenchmarkArgs.Option(args, "--accounts", 100_000);
        int repeat = Math.Max(1, BenchmarkArgs.Option(args, "--repeat", 3));
        var duration = TimeSpan.FromSeconds(BenchmarkArgs.Option(args, "--seconds", 10));
        var folder = Directory.CreateTempSubdirectory("icpx-unary-storage-").FullName;
        try
        {
            await using var services = new ServiceCollection().AddMetrics().AddIcpExperimentsStorage(o => o.DatabasePath = Path.Combine(folder, "subject.db")).AddIcpExperimentsPostgresStorage().BuildServiceProvider();
            await services.MigrateIcpExperimentsStorageAsync();
            await PrepareAsync(services, accounts);
            using var batches = new BatchSizes();
            long sequence = 0;
            await RecordAsync(services, callers, TimeSpan.FromSeconds(3), accounts, () => Interlocked.Increment(ref sequence)); // warm-up
            Console.WriteLine($"callers={callers} accounts={accounts:N0} {duration.TotalSeconds:N0} s per phase, {repeat} rounds (group commit, then the floor)");
            using var floor = new RawFloor(Path.Combine(folder, "floor.db"));
            for (int round = 1; round <= repeat; round++)
            {
                batches.Reset();
                var subject = await RecordAsync(services, callers, duration, accounts, () => Interlocked.Increment(ref sequence));
                int perTransaction = Math.Max(1, (int)Math.Round(batches.Mean));
                var baseline = floor.Measure(perTransaction, duration, accounts);
                Console.WriteLine($"round {round}: group commit {subject.PerSecond,9:N0} writes/s {subject.CpuMicroseconds,6:F1} µs CPU/write, {batches.Mean,5:F1} writes/tx" +
                                  $"   floor {baseline.PerSecond,9:N0} rows/s {baseline.CpuMicroseconds,6:F1} µs CPU/row ({perTransaction}/tx)" +
                                  $"   CPU ratio floor/subject {baseline.CpuMicroseconds / subject.CpuMicroseconds:F2}");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Rate> RecordAsync(IServiceProvider services, int callers, TimeSpan duration, int accounts, Func<long> next)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        long writes = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var repository = scope.ServiceProvider.GetRequiredService<IOutcomeRepository>();
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                long n = next();
                int account = (int)(n % accounts);
                var recorded = await repository.RecordAsync(Team, "bench", Outcome(n, account), Now, CancellationToken.None);
                if (recorded.Disposition != RecordDisposition.Accepted) throw new InvalidOperationException($"Outcome {n} was not accepted.");
                Interlocked.Increment(ref writes);
            }
        })));
        clock.Stop();
        process.Refresh();
        return new Rate(writes / clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / writes);
    }

    private static OutcomeEvent Outcome(long n, int account) =>
        new($"unary-{n}-{account:D7}", $"acct-{account:D7}", OutcomeKind.Lost, Now.AddDays(-1), null, null);

    private static async Task PrepareAsync(IServiceProvider services, int accounts)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        await provider.GetRequiredService<IProfileRepository>().CreateAsync(Team, new Profile("bench-icp", "Benchmark ICP", "", 0, Now, Now), CancellationToken.None);
        var design = new ExperimentDesign("Benchmark", "Unary writes are fast", "bench-icp", new ArmDesign("control", 1, 0.5, ""), [new ArmDesign("variant-a", 2, 0.5, "")],
            Metric.Conversion, [], 0.05, 0.8, 0.1, 180, AnalysisMode.Sequential);
        await provider.GetRequiredService<IExperimentRepository>().CreateAsync(Team, new Experiment("bench", design, ExperimentState.Running, "", Now, Now, Now, null, null, null), CancellationToken.None);
        var repository = provider.GetRequiredService<IOutcomeRepository>();
        foreach (var chunk in Enumerable.Range(0, accounts).Chunk(5_000))
        {
            var rows = chunk.Select(i => new ImportRow(new Enrolment("bench", $"enrol-{i}", new Account($"acct-{i:D7}", new AccountAttributes("saas", 200, "emea", null, null, [], new Dictionary<string, string>())),
                i % 2 == 0 ? "control" : "variant-a", null, Now.AddDays(-90)), null)).ToList();
            var result = await repository.ImportAsync(Team, "bench", new ImportBatch("enrol", rows), Now, CancellationToken.None);
            if (result.Rejections.Count > 0) throw new InvalidOperationException(result.Rejections[0].Message);
        }
    }

    private readonly record struct Rate(double PerSecond, double CpuMicroseconds);

    /// <summary>Writes per group-commit transaction, from the storage layer's own histogram.</summary>
    private sealed class BatchSizes : IDisposable
    {
        private readonly MeterListener listener = new();
        private long transactions;
        private long writes;

        public BatchSizes()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "icp_experiments.ingest.group_commit.writes") l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => Add(value));
            listener.SetMeasurementEventCallback<int>((_, value, _, _) => Add(value));
            listener.Start();
        }

        public double Mean => Interlocked.Read(ref transactions) == 0 ? 0 : (double)Interlocked.Read(ref writes) / Interlocked.Read(ref transactions);

        public void Reset()
        {
            Interlocked.Exchange(ref transactions, 0);
            Interlocked.Exchange(ref writes, 0);
        }

        public void Dispose() => listener.Dispose();

        private void Add(long value)
        {
            Interlocked.Increment(ref transactions);
            Interlocked.Add(ref writes, value);
        }
    }

    /// <summary>The floor: rows of the outcomes' shape and key, one prepared INSERT per row, committed every <c>perTransaction</c> rows.</summary>
    private sealed class RawFloor : IDisposable
    {
        private readonly SqliteConnection connection;
        private long sequence;

        public RawFloor(string path)
        {
            connection = new SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=16384;");
            Execute("CREATE TABLE floor (team_id TEXT NOT NULL, experiment_id TEXT NOT NULL, event_id TEXT NOT NULL, account_id TEXT NOT NULL, kind TEXT NOT NULL, " +
                    "occurred_at INTEGER NOT NULL, acv_currency TEXT NULL, acv_amount TEXT NULL, cycle_days REAL NULL, fingerprint TEXT NOT NULL, recorded_at INTEGER NOT NULL, " +
                    "PRIMARY KEY (team_id, experiment_id, event_id)) WITHOUT ROWID");
        }

        public Rate Measure(int perTransaction, TimeSpan duration, int accounts)
        {
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO floor VALUES ('default', 'bench', $event, $account, 'Lost', $occurred, NULL, NULL, NULL, $fingerprint, $recorded)";
            var eventId = command.Parameters.Add(new SqliteParameter { ParameterName = "$event" });
            var accountId = command.Parameters.Add(new SqliteParameter { ParameterName = "$account" });
            command.Parameters.Add(new SqliteParameter("$occurred", Now.AddDays(-1).UtcTicks));
            command.Parameters.Add(new SqliteParameter("$fingerprint", new string('f', 64)));
            command.Parameters.Add(new SqliteParameter("$recorded", Now.UtcTicks));
            command.Prepare();
            long rows = 0;
            var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            var clock = Stopwatch.StartNew();
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                using var transaction = connection.BeginTransaction();
                command.Transaction = transaction;
                for (int i = 0; i < perTransaction; i++, rows++)
                {
                    long n = Interlocked.Increment(ref sequence);
                    int account = (int)(n % accounts);
                    eventId.Value = $"unary-{n}-{account:D7}";
                    accountId.Value = $"acct-{account:D7}";
                    command.ExecuteNonQuery();
                }

                transaction.Commit();
            }

            clock.Stop();
            process.Refresh();
            return new Rate(rows / clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / rows);
        }

        public void Dispose() => connection.Dispose();

        private void Execute(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }
}
