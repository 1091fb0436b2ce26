using IcpExperiments.Core.Application;
using IcpExperiments.Core.Outcomes;
using static IcpExperiments.Storage.Tests.TestData;

namespace IcpExperiments.Storage.Tests.Analysis;

public abstract class SegmentDataSourceTests(StorageEngine engine)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ReadAccountsAsync_EnrolmentsAndOutcomes_GivesEachAccountItsAttributesAndFoldedOutcome()
    {
        // Arrange
        await using var database = await SeededAsync(engine);
        var sut = database.Scoped<ISegmentDataSource>();

        // Act
        var accounts = await sut.ReadAccountsAsync(Team, "exp-1", Now, None);

        // Assert
        Assert.Equal(["control", "variant-a"], accounts.Select(a => a.ArmKey));
        Assert.Equal(("saas", 120L, "emea", 5_000_000.5, "series-b"), Columns(accounts[0].Attributes));
        Assert.Equal("fintech", accounts[1].Attributes.Industry);
        Assert.Equal((OutcomeKind.Converted, 24_000.10m), (accounts[0].Observation.Outcome, accounts[0].Observation.Acv));
        Assert.Null(accounts[1].Observation.Outcome);
    }

    [Fact]
    public async Task ReadAccountsAsync_AnotherTeamOrEarlierAsOf_SeesOnlyWhatItMay()
    {
        // Arrange
        await using var database = await SeededAsync(engine);
        var sut = database.Scoped<ISegmentDataSource>();

        // Act
        var otherTeam = await sut.ReadAccountsAsync(OtherTeam, "exp-1", Now, None);
        var beforeWin = await sut.ReadAccountsAsync(Team, "exp-1", Now.AddDays(-2), None);

        // Assert
        Assert.Empty(otherTeam);
        Assert.Equal(2, beforeWin.Count);
        Assert.All(beforeWin, a => Assert.Null(a.Observation.Outcome));
    }

    private static (string?, long?, string?, double?, string?) Columns(Core.Accounts.AccountAttributes a) =>
        (a.Industry, a.EmployeeCount, a.Region, a.AnnualRevenue, a.FundingStage);

    /// <summary>alpha (control, saas) won on Now-1; bravo (variant-a, fintech) open.</summary>
    private static async Task<TestDatabase> SeededAsync(StorageEngine engine)
    {
        var database = await OutcomeRepositoryTests.CreateRunningAsync(engine);
        var outcomes = database.Outcomes();
        await outcomes.EnrollAsync(Team, Enrolment("alpha"), None);
        var bravo = Enrolment("bravo", arm: "variant-a");
        await outcomes.EnrollAsync(Team, bravo with { Account = bravo.Account with { Attributes = bravo.Account.Attributes with { Industry = "fintech" } } }, None);
        await outcomes.RecordAsync(Team, "exp-1", Converted("won-alpha", "alpha"), Now, None);
        return database;
    }

    public sealed class OnSqlite() : SegmentDataSourceTests(StorageEngine.Sqlite);

    public sealed class OnPostgres() : SegmentDataSourceTests(StorageEngine.Postgres);
}
