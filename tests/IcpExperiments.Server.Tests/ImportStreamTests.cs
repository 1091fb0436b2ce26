using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests;

/// <summary>The import stream is pipelined on the server; a client that sends one batch per acknowledgement must still be served.</summary>
public abstract class ImportStreamTests(ServerFixture fixture)
{
    private readonly Scenario scenario = new(fixture);

    [Fact]
    public async Task ImportOutcomes_ClientWaitsForEachAcknowledgement_EachBatchIsAcknowledgedBeforeTheNextIsSent()
    {
        // Arrange
        var experiment = await scenario.CreateRunningExperimentAsync();
        var at = DateTimeOffset.UtcNow.AddDays(-5);
        using var import = fixture.Outcomes.ImportOutcomes(deadline: DateTime.UtcNow.AddSeconds(30));
        var acks = new List<ImportOutcomesResponse>();

        // Act
        for (int i = 0; i < 3; i++)
        {
            var batch = new ImportOutcomesRequest { BatchId = $"step-{i}", Parent = experiment.Name };
            batch.Rows.Add(new ImportRow { Enrolment = Requests.Enrolment($"step-{i}", "control", at) });
            batch.Rows.Add(new ImportRow { Outcome = Requests.Lost($"step-{i}", at.AddDays(1)) });
            await import.RequestStream.WriteAsync(batch);
            Assert.True(await import.ResponseStream.MoveNext(CancellationToken.None));
            acks.Add(import.ResponseStream.Current);
        }

        await import.RequestStream.CompleteAsync();

        // Assert
        Assert.False(await import.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(["step-0", "step-1", "step-2"], acks.Select(a => a.BatchId));
        Assert.All(acks, a => Assert.Equal(2, a.AcceptedCount));
    }

    [Collection(SharedServer.Name)]
    public sealed class OnSqlite(ServerFixture fixture) : ImportStreamTests(fixture);

    [Collection(PostgresSharedServer.Name)]
    public sealed class OnPostgres(PostgresServerFixture fixture) : ImportStreamTests(fixture);
}
