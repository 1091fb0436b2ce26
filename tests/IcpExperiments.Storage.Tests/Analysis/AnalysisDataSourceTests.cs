using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Outcomes;
using static IcpExperiments.Storage.Tests.TestData;

namespace IcpExperiments.Storage.Tests.Analysis;

public abstract class AnalysisDataSourceTests(StorageEngine engine)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task LoadSnapshotAsync_EnrolmentsOutcomesAndCampaigns_GivesEachArmItsAccountsAndSpend()
    {
        // Arrange
        await using var database = await SeededAsync(engine);
        var sut = CreateSut(database);
        var experiment = await database.Experiments().GetAsync(Team, "exp-1", None);

        // Act
        var loaded = await sut.LoadSnapshotAsync(Team, experiment, Now, None);

        // Assert
        var control = loaded.Snapshot.Arms[0];
        var variant = loaded.Snapshot.Arms[1];
        Assert.Equal(("control", 3, "variant-a", 2), (control.Key, control.Count, variant.Key, variant.Count));
        Assert.Equal([AccountStatus.Converted, AccountStatus.Lost, AccountStatus.Open], control.Status);
        Assert.Equal([AccountStatus.Converted, AccountStatus.Open], variant.Status);
        Assert.Equal([24_000.10, 12_000.0], new[] { control.Acv[0], variant.Acv[0] });
        Assert.Equal(29.5, control.Days[0]);
        Assert.Equal((1234.50m + 100m, 1234.50m), (control.Spend, variant.Spend));
        Assert.Equal(("EUR", "EUR"), (loaded.Snapshot.SpendCurrency, loaded.Snapshot.AcvCurrency));
        Assert.Equal(await database.DataVersions().GetAsync(Team, "exp-1", None), loaded.DataVersion);
    }

    [Fact]
    public async Task LoadSnapshotAsync_AsOfBeforeSomeEvents_IgnoresEventsAndEnrolmentsAfterIt()
    {
        // Arrange
        await using var database = await SeededAsync(engine);
        var sut = CreateSut(database);
        var experiment = await database.Experiments().GetAsync(Team, "exp-1", None);
        await database.Outcomes().EnrollAsync(Team, Enrolment("late") with { EnrolledAt = Now.AddDays(-1) }, None);

        // Act: two days ago the loss of "bravo" (Now-2) is seen, the wins (Now-1) not yet, "late" not enrolled.
        var loaded = await sut.LoadSnapshotAsync(Team, experiment, Now.AddDays(-1.5), None);

        // Assert
        Assert.Equal([AccountStatus.Open, AccountStatus.Lost, AccountStatus.Open], loaded.Snapshot.Arms[0].Status);
        Assert.Equal([AccountStatus.Open, AccountStatus.Open], loaded.Snapshot.Arms[1].Status);
    }

    [Fact]
    public async Task LoadSnapshotAsync_EventOfAnAccountEnrolledAfterAsOf_IsNotGivenToTheNextAccount()
    {
        // Arrange: "delta2" sorts between "delta" and "echo"; its win is stamped before its enrolment (a row the API
        // refuses, written here directly as another writer or an old import could have).
        await using var database = await SeededAsync(engine);
        var sut = CreateSut(database);
        var experiment = await database.Experiments().GetAsync(Team, "exp-1", None);
        await database.Outcomes().EnrollAsync(Team, Enrolment("delta2", "variant-a") with { EnrolledAt = Now.AddDays(-1) }, None);
        await database.Outcomes().RecordAsync(Team, "exp-1", Converted("won-delta2", "delta2"), Now, None);
        var updated = await database.ExecuteAsync("UPDATE outcomes SET occurred_at = @at WHERE event_id = 'won-delta2'", ("at", Now.AddDays(-3).UtcTicks));
        Assert.Equal(1, updated);

        // Act
        var loaded = await sut.LoadSnapshotAsync(Team, experiment, Now.AddDays(-1.5), None);

        // Assert: variant-a holds delta (its win not yet seen) and echo, both open; delta2's win went nowhere.
        Assert.Equal([AccountStatus.Open, AccountStatus.Open], loaded.Snapshot.Arms[1].Status);
    }

    [Fact]
    public async Task LoadSnapshotAsync_LostThenRevivedAndWon_CountsTheConversion()
    {
        // Arrange
        await using var database = await SeededAsync(engine);
        var sut = CreateSut(database);
        var experiment = await database.Experiments().GetAsync(Team, "exp-1", None);
        await database.Outcomes().RecordAsync(Team, "exp-1", Lost("lost-echo", "echo") with { OccurredAt = Now.AddDays(-20) }, Now, None);
        await database.Outcomes().RecordAsync(Team, "exp-1", Converted("won-echo", "echo", 7_000m), Now, None);

        // Act
        var loaded = await sut.LoadSnapshotAsync(Team, experiment, Now, None);

        // Assert
        Assert.Equal([AccountStatus.Converted, AccountStatus.Converted], loaded.Snapshot.Arms[1].Status);
        Assert.Equal(7_000.0, loaded.Snapshot.Arms[1].Acv[1]);
    }

    [Fact]
    public async Task ReadInputsAsync_Campaigns_SumsSpendPerArmAndReadsTheDataVersion()
    {
        // Arrange
        await using var database = await SeededAsync(engine);
        var sut = CreateSut(database);

        // Act
        var inputs = await sut.ReadInputsAsync(Team, "exp-1", None);

        // Assert
        Assert.Equal(
            [new ArmSpend("control", new Money("EUR", 1334.50m)), new ArmSpend("variant-a", new Money("EUR", 1234.50m))],
            inputs.Spend.OrderBy(s => s.ArmKey));
        Assert.Equal(await database.DataVersions().GetAsync(Team, "exp-1", None), inputs.DataVersion);
        Assert.Equal("exp-1", inputs.Experiment.Id);
    }

    [Fact]
    public async Task ReadInputsAsync_AnotherTeamsExperiment_ThrowsNotFound()
    {
        // Arrange
        await using var database = await SeededAsync(engine);
        var sut = CreateSut(database);

        // Act / Assert
        await Assert.ThrowsAsync<NotFoundException>(() => sut.ReadInputsAsync(OtherTeam, "exp-1", None));
    }

    [Fact]
    public async Task LoadSnapshotAsync_AnotherTeamsExperiment_ThrowsNotFound()
    {
        // Arrange
        await using var database = await SeededAsync(engine);
        var sut = CreateSut(database);
        var experiment = await database.Experiments().GetAsync(Team, "exp-1", None);

        // Act / Assert
        await Assert.ThrowsAsync<NotFoundException>(() => sut.LoadSnapshotAsync(OtherTeam, experiment, Now, None));
    }

    /// <summary>control: alpha won, bravo lost, charlie open; variant-a: delta won at 12k, echo open. Two control campaigns, one variant one.</summary>
    private static async Task<TestDatabase> SeededAsync(StorageEngine engine)
    {
        var database = await OutcomeRepositoryTests.CreateRunningAsync(engine);
        var experiments = database.Experiments();
        await experiments.CreateCampaignAsync(Team, Campaign("cmp-1"), None);
        await experiments.CreateCampaignAsync(Team, Campaign("cmp-2") with { Spend = new Money("EUR", 100m) }, None);
        await experiments.CreateCampaignAsync(Team, Campaign("cmp-3", arm: "variant-a"), None);
        var outcomes = database.Outcomes();
        foreach (var (account, arm) in new[] { ("alpha", "control"), ("bravo", "control"), ("charlie", "control"), ("delta", "variant-a"), ("echo", "variant-a") })
            await outcomes.EnrollAsync(Team, Enrolment(account, arm), None);
        await outcomes.RecordAsync(Team, "exp-1", Converted("won-alpha", "alpha"), Now, None);
        await outcomes.RecordAsync(Team, "exp-1", Lost("lost-bravo", "bravo"), Now, None);
        await outcomes.RecordAsync(Team, "exp-1", Converted("won-delta", "delta", 12_000m) with { CycleDays = null }, Now, None);
        return database;
    }

    private static IAnalysisDataSource CreateSut(TestDatabase database) => database.Scoped<IAnalysisDataSource>();

    public sealed class OnSqlite() : AnalysisDataSourceTests(StorageEngine.Sqlite);

    public sealed class OnPostgres() : AnalysisDataSourceTests(StorageEngine.Postgres);
}
