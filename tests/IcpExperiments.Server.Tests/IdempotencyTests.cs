using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests;

/// <summary>Every write carries a client event id: a retry is a no-op returning the original, other content is ALREADY_EXISTS.</summary>
public abstract class IdempotencyTests(ServerFixture fixture)
{
    private readonly Scenario scenario = new(fixture);

    [Fact]
    public async Task RecordOutcome_RetrySameContent_ReturnsOriginalAndStoresOnce()
    {
        var experiment = await scenario.CreateRunningExperimentAsync();
        await scenario.EnrolAsync(experiment, "acct-r", "control");
        var request = new RecordOutcomeRequest { Parent = experiment.Name, Outcome = Requests.Converted("acct-r", DateTimeOffset.UtcNow.AddDays(-2), 12_000) };

        var first = await fixture.Outcomes.RecordOutcomeAsync(request);
        var retry = await fixture.Outcomes.RecordOutcomeAsync(request);

        Assert.Equal(first.Outcome, retry.Outcome);
        var stored = await fixture.Outcomes.ListOutcomesAsync(new ListOutcomesRequest { Parent = experiment.Name });
        Assert.Single(stored.Outcomes);
    }

    [Fact]
    public async Task RecordOutcome_SameEventIdOtherContent_AlreadyExistsAndOriginalKept()
    {
        var experiment = await scenario.CreateRunningExperimentAsync();
        await scenario.EnrolAsync(experiment, "acct-c", "control");
        var at = DateTimeOffset.UtcNow.AddDays(-2);
        await fixture.Outcomes.RecordOutcomeAsync(new RecordOutcomeRequest { Parent = experiment.Name, Outcome = Requests.Converted("acct-c", at, 12_000) });

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => fixture.Outcomes.RecordOutcomeAsync(new RecordOutcomeRequest
        {
            Parent = experiment.Name,
            Outcome = Requests.Converted("acct-c", at, 99_000),
        }));

        var stored = await fixture.Outcomes.ListOutcomesAsync(new ListOutcomesRequest { Parent = experiment.Name });
        Assert.Equal(12_000, Assert.Single(stored.Outcomes).Converted.Acv.Units);
    }

    [Fact]
    public async Task EnrolAccount_RetrySameContent_ReturnsOriginal()
    {
        var experiment = await scenario.CreateRunningExperimentAsync();
        var request = new EnrolAccountRequest { Parent = experiment.Name, Enrolment = Requests.Enrolment("acct-e", "wider", DateTimeOffset.UtcNow.AddDays(-3)) };

        var first = await fixture.Experiments.EnrolAccountAsync(request);
        var retry = await fixture.Experiments.EnrolAccountAsync(request);

        Assert.Equal(first.Enrolment, retry.Enrolment);
    }

    [Fact]
    public async Task EnrolAccount_SameEventIdOtherContent_AlreadyExists()
    {
        var experiment = await scenario.CreateRunningExperimentAsync();
        var enrolment = Requests.Enrolment("acct-x", "control", DateTimeOffset.UtcNow.AddDays(-3));
        await fixture.Experiments.EnrolAccountAsync(new EnrolAccountRequest { Parent = experiment.Name, Enrolment = enrolment });
        var changed = enrolment.Clone();
        changed.Attributes.EmployeeCount = 999;

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => fixture.Experiments.EnrolAccountAsync(new EnrolAccountRequest { Parent = experiment.Name, Enrolment = changed }));
    }

    [Fact]
    public async Task ImportOutcomes_BatchResent_CountsEveryRowAsDuplicate()
    {
        var experiment = await scenario.CreateRunningExperimentAsync();
        var at = DateTimeOffset.UtcNow.AddDays(-5);
        var batch = new ImportOutcomesRequest { BatchId = "once", Parent = experiment.Name };
        for (int i = 0; i < 20; i++)
        {
            batch.Rows.Add(new ImportRow { Enrolment = Requests.Enrolment($"dup-{i}", "control", at) });
            batch.Rows.Add(new ImportRow { Outcome = Requests.Lost($"dup-{i}", at.AddDays(1)) });
        }

        using var import = fixture.Outcomes.ImportOutcomes();
        await import.RequestStream.WriteAsync(batch);
        await import.RequestStream.WriteAsync(batch);
        await import.RequestStream.CompleteAsync();
        var acks = new List<ImportOutcomesResponse>();
        while (await import.ResponseStream.MoveNext(CancellationToken.None)) acks.Add(import.ResponseStream.Current);

        Assert.Equal(2, acks.Count);
        Assert.Equal((40, 0), (acks[0].AcceptedCount, acks[0].DuplicateCount));
        Assert.Equal((0, 40), (acks[1].AcceptedCount, acks[1].DuplicateCount));
    }

    [Collection(SharedServer.Name)]
    public sealed class OnSqlite(ServerFixture fixture) : IdempotencyTests(fixture);

    [Collection(PostgresSharedServer.Name)]
    public sealed class OnPostgres(PostgresServerFixture fixture) : IdempotencyTests(fixture);
}
