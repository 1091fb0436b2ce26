using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>
/// 100,000 outcomes (and their 100,000 enrolments) stream into the real server process, which is SIGKILLed at three
/// seeded points mid-stream and restarted on the same database (SQLite file or PostgreSQL); the client resends every batch it has no
/// acknowledgement for. Afterwards every outcome is stored exactly once.
/// </summary>
public abstract class CrashDurabilityTests(ITestOutputHelper output, StorageEngine engine) : IAsyncLifetime
{
    private const int Batches = 200;
    private const int AccountsPerBatch = 500;
    private const int Outcomes = Batches * AccountsPerBatch;
    private readonly ServerFixture fixture = ServerFixture.For(engine);

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task ImportOutcomes_KilledAtSeveralPointsAndResent_EveryOutcomeStoredExactlyOnce()
    {
        var experiment = await new Scenario(fixture).CreateRunningExperimentAsync();
        var batches = BuildBatches(experiment.Name);
        var random = new Random(ReliabilitySettings.Seed);
        var crashPoints = CrashPoints(random);
        var import = new AcknowledgedImport(batches);
        var client = fixture.Outcomes;

        foreach (var crashAfter in crashPoints.Append(int.MaxValue))
        {
            // A seeded pause between the acknowledgement and the kill lets later batches commit with their
            // acknowledgements unread, so the resend also meets rows that are already stored.
            var pause = TimeSpan.FromMilliseconds(random.Next(0, 400));
            await import.SendRemainingAsync(client, crashAfter, async () =>
            {
                await Task.Delay(pause);
                await fixture.Server.KillAsync();
            });
            if (crashAfter == int.MaxValue) break;
            output.WriteLine($"SIGKILL {pause.TotalMilliseconds} ms after acknowledgement {import.Acknowledged}; restarting on the same file");
            await fixture.Server.StartAsync();
            client = new OutcomeService.OutcomeServiceClient(fixture.Server.CreateChannel());
        }

        Assert.Equal(Batches, import.Acknowledged);
        Assert.All(import.Acknowledgements, ack => Assert.Equal((AccountsPerBatch * 2, 0), (ack!.AcceptedCount + ack.DuplicateCount, ack.RejectedRows.Count)));
        var experimentId = experiment.Name["experiments/".Length..];
        Assert.Equal(Outcomes, await CountAsync("SELECT COUNT(*) FROM outcomes WHERE experiment_id = @e", experimentId));
        Assert.Equal(Outcomes, await CountAsync("SELECT COUNT(DISTINCT account_id) FROM outcomes WHERE experiment_id = @e", experimentId));
        Assert.Equal(Outcomes, await CountAsync("SELECT COUNT(*) FROM enrolments WHERE experiment_id = @e", experimentId));
        Assert.Equal(Outcomes, await CountThroughApiAsync(client, experiment.Name));
        var committedButUnacknowledged = import.Acknowledgements.Sum(a => a!.DuplicateCount);
        output.WriteLine($"seed {ReliabilitySettings.Seed}: crashes after {string.Join(", ", crashPoints)} batches; {committedButUnacknowledged:N0} resent rows were already stored (duplicates)");
    }

    /// <summary>One crash right after the first acknowledgements, one mid-stream, one near the end.</summary>
    private static int[] CrashPoints(Random random) =>
        [random.Next(1, 4), random.Next(Batches * 2 / 5, Batches * 3 / 5), random.Next(Batches - 8, Batches - 2)];

    private static List<ImportOutcomesRequest> BuildBatches(string experimentName)
    {
        var enrolledAt = DateTimeOffset.UtcNow.AddDays(-90);
        return Enumerable.Range(0, Batches).Select(b =>
        {
            var batch = new ImportOutcomesRequest { BatchId = $"batch-{b:D3}", Parent = experimentName };
            for (int a = b * AccountsPerBatch; a < (b + 1) * AccountsPerBatch; a++)
            {
                var account = $"acct-{a:D6}";
                batch.Rows.Add(new ImportRow { Enrolment = Requests.Enrolment(account, a % 2 == 0 ? "control" : "wider", enrolledAt) });
                batch.Rows.Add(new ImportRow { Outcome = a % 3 == 0 ? Requests.Converted(account, enrolledAt.AddDays(10 + a % 50), 10_000 + a % 997) : Requests.Lost(account, enrolledAt.AddDays(5 + a % 40)) });
            }

            return batch;
        }).ToList();
    }

    private Task<long> CountAsync(string sql, string experimentId) => ServerDatabase.CountAsync(fixture.Server, sql, ("@e", experimentId));

    /// <summary>Pages through ListOutcomes and counts distinct event ids, failing on any event seen twice.</summary>
    private static async Task<int> CountThroughApiAsync(OutcomeService.OutcomeServiceClient client, string experimentName)
    {
        var seen = new HashSet<string>();
        var request = new ListOutcomesRequest { Parent = experimentName, PageSize = 1000 };
        do
        {
            var page = await client.ListOutcomesAsync(request);
            foreach (var outcome in page.Outcomes) Assert.True(seen.Add(outcome.EventId), $"{outcome.EventId} listed twice");
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return seen.Count;
    }

    public sealed class OnSqlite(ITestOutputHelper output) : CrashDurabilityTests(output, StorageEngine.Sqlite);

    public sealed class OnPostgres(ITestOutputHelper output) : CrashDurabilityTests(output, StorageEngine.Postgres);
}
