using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Paging;
using static IcpExperiments.Storage.Tests.TestData;

namespace IcpExperiments.Storage.Tests;

public abstract class DurabilityTests(StorageEngine engine)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ReopenAsync_AfterWritesOfEveryKind_FindsEverythingAndKeepsIdempotency()
    {
        // Arrange
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(engine);
        await database.Profiles().AddVersionAsync(Team, "saas-icp", Content("saas"), "v1", Now, None);
        var campaign = await database.Experiments().CreateCampaignAsync(Team, Campaign(), None);
        var rows = new ImportRow[] { new(Enrolment("acme"), null), new(null, Converted("won", "acme")) };
        await database.Outcomes().ImportAsync(Team, "exp-1", new ImportBatch("b", rows), Now, None);
        var experiment = await database.Experiments().GetAsync(Team, "exp-1", None);

        // Act
        await database.ReopenAsync();

        // Assert
        Assert.Equal(1, (await database.Profiles().GetAsync(Team, "saas-icp", None)).LatestVersion);
        Assert.Equal("v1", (await database.Profiles().GetVersionAsync(Team, "saas-icp", 1, None)).ChangeNote);
        Same.Experiment(experiment, await database.Experiments().GetAsync(Team, "exp-1", None));
        Assert.Equal(campaign, await database.Experiments().GetCampaignAsync(Team, "exp-1", "cmp-1", None));
        Assert.Equal("acme", Assert.Single((await database.Outcomes().ListEnrolmentsAsync(Team, "exp-1", PageRequest.First, None)).Items).Account.AccountId);
        Assert.Equal(RecordDisposition.Duplicate, (await database.Outcomes().RecordAsync(Team, "exp-1", Converted("won", "acme"), Now, None)).Disposition);
        Assert.Equal(1L, await database.DataVersions().GetAsync(Team, "exp-1", None));
    }

    public sealed class OnSqlite() : DurabilityTests(StorageEngine.Sqlite);

    public sealed class OnPostgres() : DurabilityTests(StorageEngine.Postgres);
}
