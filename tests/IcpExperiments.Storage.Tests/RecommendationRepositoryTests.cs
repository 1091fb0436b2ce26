using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Profiles;
using IcpExperiments.Core.Recommendations;
using IcpExperiments.Statistics.Common;
using static IcpExperiments.Storage.Tests.TestData;

namespace IcpExperiments.Storage.Tests;

public abstract class RecommendationRepositoryTests(StorageEngine engine)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ApplyAsync_FirstCall_CreatesVersionWhoseProvenanceIsReadBack()
    {
        // Arrange
        await using var database = await SeedAsync(engine);

        // Act
        var applied = await database.Scoped<IRecommendationRepository>().ApplyAsync(Team, Application(), None);

        // Assert
        Assert.True(applied.Created);
        Assert.Equal(3, applied.Version.Number);
        var read = await database.Profiles().GetVersionAsync(Team, "saas-icp", 3, None);
        Assert.Equal("From exp-1: adopt fintech.", read.ChangeNote);
        var origin = Assert.IsType<AppliedRecommendation>(read.Origin);
        Assert.Equal(("exp-1", 1, "alice", Now, 0.95), (origin.ExperimentId, origin.ControlVersion, origin.AppliedBy, origin.AppliedAt, origin.ConfidenceLevel));
        var evidence = Assert.Single(origin.Provenance);
        Assert.Equal(0.31, evidence.Relative!.Estimate);
        Assert.Equal(double.PositiveInfinity, evidence.Relative.Interval.Upper);
        Assert.Equal(0.004, evidence.AdjustedPValue);
        Assert.Equal("industry IN {saas} → industry IN {fintech, saas}", CriterionText.Describe(evidence.Change));
        Assert.Equal(ChangeDirection.Widening, evidence.Change.Direction);
        Assert.Null((await database.Profiles().GetVersionAsync(Team, "saas-icp", 2, None)).Origin);
        Assert.NotNull((await database.Profiles().ListVersionsAsync(Team, "saas-icp", PageRequest.First, None)).Items[2].Origin);
    }

    [Fact]
    public async Task ApplyAsync_SecondCall_ReturnsTheSameVersionWithoutCreatingAnother()
    {
        // Arrange
        await using var database = await SeedAsync(engine);
        var first = await database.Scoped<IRecommendationRepository>().ApplyAsync(Team, Application(), None);

        // Act
        var second = await database.Scoped<IRecommendationRepository>().ApplyAsync(Team, Application() with { AppliedBy = "bob" }, None);

        // Assert
        Assert.False(second.Created);
        Assert.Equal(first.Version.Number, second.Version.Number);
        Assert.Equal("alice", second.Version.Origin!.AppliedBy);
        Assert.Equal(3, (await database.Profiles().GetAsync(Team, "saas-icp", None)).LatestVersion);
    }

    [Fact]
    public async Task ApplyAsync_ConcurrentCalls_CreateOneVersion()
    {
        // Arrange
        await using var database = await SeedAsync(engine);
        var repositories = Enumerable.Range(0, 8).Select(_ => database.Scoped<IRecommendationRepository>()).ToList();

        // Act
        var results = await Task.WhenAll(repositories.Select(r => Task.Run(() => r.ApplyAsync(Team, Application(), None))));

        // Assert
        Assert.Single(results, r => r.Created);
        Assert.All(results, r => Assert.Equal(3, r.Version.Number));
        Assert.Equal(3, (await database.Profiles().GetAsync(Team, "saas-icp", None)).LatestVersion);
    }

    [Fact]
    public async Task ApplyAsync_ProfileMovedOnSinceExperiment_ThrowsPreconditionAndWritesNothing()
    {
        // Arrange
        await using var database = await SeedAsync(engine);
        await database.Profiles().AddVersionAsync(Team, "saas-icp", Content("saas", "healthtech"), "by hand", Now.AddMinutes(1), None);

        // Act
        var error = await Assert.ThrowsAsync<PreconditionFailedException>(() => database.Scoped<IRecommendationRepository>().ApplyAsync(Team, Application(), None));

        // Assert
        Assert.Equal("PROFILE_CHANGED_SINCE_EXPERIMENT", error.Reason);
        Assert.Equal(3, (await database.Profiles().GetAsync(Team, "saas-icp", None)).LatestVersion);
        Assert.Null(await database.Scoped<IRecommendationRepository>().FindAppliedAsync(Team, "exp-1", None));
    }

    [Fact]
    public async Task ApplyAsync_OtherVersionMadeBeforeTheExperimentStarted_StillApplies()
    {
        // Arrange
        await using var database = await SeedAsync(engine);
        await database.Profiles().AddVersionAsync(Team, "saas-icp", Content("saas", "healthtech"), "another experiment's variant", Now.AddMinutes(-1), None);

        // Act
        var applied = await database.Scoped<IRecommendationRepository>().ApplyAsync(Team, Application(), None);

        // Assert
        Assert.True(applied.Created);
        Assert.Equal(4, applied.Version.Number);
    }

    [Fact]
    public async Task FindAppliedAsync_AnotherTeamsExperiment_ReturnsNull()
    {
        // Arrange
        await using var database = await SeedAsync(engine);
        await database.Scoped<IRecommendationRepository>().ApplyAsync(Team, Application(), None);

        // Act
        var found = await database.Scoped<IRecommendationRepository>().FindAppliedAsync(OtherTeam, "exp-1", None);

        // Assert
        Assert.Null(found);
    }

    [Fact]
    public async Task ListByProfileAsync_ExperimentsOnTwoProfiles_ListsOnlyThatProfilesNewestFirstInPages()
    {
        // Arrange
        await using var database = await SeedAsync(engine);
        await database.Profiles().CreateAsync(Team, Profile("other-icp"), None);
        await database.Experiments().CreateAsync(Team, Experiment("exp-2", createdAt: Now.AddHours(1)), None);
        await database.Experiments().CreateAsync(Team, Experiment("exp-3", profileId: "other-icp"), None);

        // Act
        var first = await database.Experiments().ListByProfileAsync(Team, "saas-icp", new PageRequest(1, null), None);
        var second = await database.Experiments().ListByProfileAsync(Team, "saas-icp", new PageRequest(1, first.NextPageToken), None);

        // Assert
        Assert.Equal(["exp-2", "exp-1"], first.Items.Concat(second.Items).Select(e => e.Id));
        Assert.Null(second.NextPageToken);
        await Assert.ThrowsAsync<NotFoundException>(() => database.Experiments().ListByProfileAsync(OtherTeam, "saas-icp", PageRequest.First, None));
    }

    private static async Task<TestDatabase> SeedAsync(StorageEngine engine)
    {
        var database = await TestDatabase.CreateAsync(engine);
        await database.Profiles().CreateAsync(Team, Profile(), None);
        await database.Profiles().AddVersionAsync(Team, "saas-icp", Content("saas"), "control", Now, None);
        await database.Profiles().AddVersionAsync(Team, "saas-icp", Content("saas", "fintech"), "variant", Now, None);
        await database.Experiments().CreateAsync(Team, Experiment(state: ExperimentState.Stopped), None);
        return database;
    }

    private static RecommendationApplication Application()
    {
        var change = ProfileDiffer.Compare("industry", Content("saas").Criteria[0], Content("saas", "fintech").Criteria[0])!;
        var provenance = new Provenance("exp-1", "variant-a", change, CriterionCall.Adopt, Metric.Conversion,
            new Effect(0.31, new Interval(0.1, double.PositiveInfinity)), new Effect(0.02, new Interval(0.005, 0.035)), 0.004, IsJoint: false);
        return new RecommendationApplication("exp-1", "saas-icp", 1, [1, 2], Now, Content("saas", "fintech"), "From exp-1: adopt fintech.", 0.95, [provenance], "alice", Now);
    }

    public sealed class OnSqlite() : RecommendationRepositoryTests(StorageEngine.Sqlite);

    public sealed class OnPostgres() : RecommendationRepositoryTests(StorageEngine.Postgres);
}
