using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Paging;
using static IcpExperiments.Storage.Tests.TestData;

namespace IcpExperiments.Storage.Tests;

public abstract class ExperimentRepositoryTests(StorageEngine engine)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task CreateAsync_NewExperiment_RoundTripsDesignAndIssuesAnEtag()
    {
        // Arrange
        await using var database = await CreateWithProfileAsync(engine);
        var experiment = Experiment(state: ExperimentState.Draft);

        // Act
        var created = await database.Experiments().CreateAsync(Team, experiment, None);

        // Assert
        var read = await database.Experiments().GetAsync(Team, "exp-1", None);
        Assert.NotEmpty(created.Etag);
        Assert.Equal(created.Etag, read.Etag);
        Same.Experiment(experiment with { Etag = created.Etag }, read);
    }

    [Fact]
    public async Task CreateAsync_TakenId_ThrowsAlreadyExists()
    {
        // Arrange
        await using var database = await CreateWithProfileAsync(engine);
        await database.Experiments().CreateAsync(Team, Experiment(), None);

        // Act / Assert
        var error = await Assert.ThrowsAsync<AlreadyExistsException>(() => database.Experiments().CreateAsync(Team, Experiment(), None));
        Assert.Equal("EXPERIMENT_ALREADY_EXISTS", error.Reason);
    }

    [Fact]
    public async Task CreateAsync_ProfileOfAnotherTeam_ThrowsNotFound()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.Profiles().CreateAsync(OtherTeam, Profile(), None);

        // Act / Assert
        await Assert.ThrowsAsync<NotFoundException>(() => database.Experiments().CreateAsync(Team, Experiment(), None));
    }

    [Fact]
    public async Task GetAsync_AnotherTeamsExperiment_ThrowsNotFound()
    {
        // Arrange
        await using var database = await CreateWithProfileAsync(engine);
        var created = await database.Experiments().CreateAsync(Team, Experiment(), None);

        // Act / Assert
        await Assert.ThrowsAsync<NotFoundException>(() => database.Experiments().GetAsync(OtherTeam, "exp-1", None));
        await Assert.ThrowsAsync<NotFoundException>(() => database.Experiments().UpdateAsync(OtherTeam, created, created.Etag, None));
        await Assert.ThrowsAsync<NotFoundException>(() => database.Experiments().ListCampaignsAsync(OtherTeam, "exp-1", PageRequest.First, None));
        Assert.Empty((await database.Experiments().ListAsync(OtherTeam, null, PageRequest.First, None)).Items);
    }

    [Fact]
    public async Task UpdateAsync_CurrentEtag_StoresChangesAndIssuesANewEtag()
    {
        // Arrange
        await using var database = await CreateWithProfileAsync(engine);
        var created = await database.Experiments().CreateAsync(Team, Experiment(state: ExperimentState.Draft), None);
        var changed = created with { Design = created.Design with { Hypothesis = "Sharper" }, State = ExperimentState.Running, StartedAt = Now.AddHours(1), UpdatedAt = Now.AddHours(1) };

        // Act
        var updated = await database.Experiments().UpdateAsync(Team, changed, created.Etag, None);

        // Assert
        Assert.NotEqual(created.Etag, updated.Etag);
        var read = await database.Experiments().GetAsync(Team, "exp-1", None);
        Assert.Equal(("Sharper", ExperimentState.Running, Now.AddHours(1)), (read.Design.Hypothesis, read.State, read.StartedAt));
        Assert.Equal(updated.Etag, read.Etag);
        Assert.Equal(Now, read.CreatedAt);
    }

    [Fact]
    public async Task UpdateAsync_StaleEtag_ThrowsConcurrencyConflictAndChangesNothing()
    {
        // Arrange
        await using var database = await CreateWithProfileAsync(engine);
        var created = await database.Experiments().CreateAsync(Team, Experiment(state: ExperimentState.Draft), None);
        await database.Experiments().UpdateAsync(Team, created with { Design = created.Design with { Hypothesis = "First" } }, created.Etag, None);

        // Act / Assert
        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            database.Experiments().UpdateAsync(Team, created with { Design = created.Design with { Hypothesis = "Second" } }, created.Etag, None));
        Assert.Equal("ETAG_MISMATCH", error.Reason);
        Assert.Equal("First", (await database.Experiments().GetAsync(Team, "exp-1", None)).Design.Hypothesis);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => database.Experiments().UpdateAsync(Team, created, "garbage", None));
    }

    [Fact]
    public async Task UpdateAsync_ConcurrentEditorsWithTheSameEtag_ExactlyOneWins()
    {
        // Arrange
        await using var database = await CreateWithProfileAsync(engine);
        var created = await database.Experiments().CreateAsync(Team, Experiment(state: ExperimentState.Draft), None);
        var editors = Enumerable.Range(0, 6).Select(i => (Repository: database.Experiments(), Hypothesis: $"editor {i}")).ToList();

        // Act
        var attempts = editors.Select(e => Task.Run(async () =>
        {
            try
            {
                await e.Repository.UpdateAsync(Team, created with { Design = created.Design with { Hypothesis = e.Hypothesis } }, created.Etag, None);
                return e.Hypothesis;
            }
            catch (ConcurrencyConflictException)
            {
                return null;
            }
        }));
        var winners = (await Task.WhenAll(attempts)).OfType<string>().ToList();

        // Assert
        var winner = Assert.Single(winners);
        Assert.Equal(winner, (await database.Experiments().GetAsync(Team, "exp-1", None)).Design.Hypothesis);
    }

    [Fact]
    public async Task ListAsync_FilteredByStateInPagesOfTwo_ReturnsNewestFirstOnce()
    {
        // Arrange
        await using var database = await CreateWithProfileAsync(engine);
        for (int i = 0; i < 5; i++)
            await database.Experiments().CreateAsync(Team, Experiment($"exp-{i}", state: i == 2 ? ExperimentState.Draft : ExperimentState.Running, createdAt: Now.AddMinutes(i % 3)), None);

        // Act
        var ids = new List<string>();
        string? token = null;
        do
        {
            var page = await database.Experiments().ListAsync(Team, ExperimentState.Running, new PageRequest(2, token), None);
            ids.AddRange(page.Items.Select(e => e.Id));
            token = page.NextPageToken;
        }
        while (token is not null);

        // Assert: created at +1 min (exp-4, exp-1), then +0 min (exp-3, exp-0); ties newest id first.
        Assert.Equal(["exp-4", "exp-1", "exp-3", "exp-0"], ids);
    }

    [Fact]
    public async Task CreateCampaignAsync_NewCampaign_RoundTripsSpendExactly()
    {
        // Arrange
        await using var database = await CreateWithProfileAsync(engine);
        await database.Experiments().CreateAsync(Team, Experiment(), None);
        var campaign = Campaign() with { Spend = new Money("JPY", 12345678901234.5678m) };

        // Act
        var created = await database.Experiments().CreateCampaignAsync(Team, campaign, None);

        // Assert
        var read = await database.Experiments().GetCampaignAsync(Team, "exp-1", "cmp-1", None);
        Assert.Equal(campaign with { Etag = created.Etag }, read);
        Assert.Equal(12345678901234.5678m, read.Spend.Amount);
        await Assert.ThrowsAsync<AlreadyExistsException>(() => database.Experiments().CreateCampaignAsync(Team, campaign, None));
        await Assert.ThrowsAsync<NotFoundException>(() => database.Experiments().GetCampaignAsync(OtherTeam, "exp-1", "cmp-1", None));
    }

    [Fact]
    public async Task CreateCampaignAsync_MissingExperiment_ThrowsNotFound()
    {
        // Arrange
        await using var database = await CreateWithProfileAsync(engine);

        // Act / Assert
        await Assert.ThrowsAsync<NotFoundException>(() => database.Experiments().CreateCampaignAsync(Team, Campaign(), None));
    }

    [Fact]
    public async Task UpdateCampaignAsync_CurrentThenStaleEtag_FirstWinsSecondConflicts()
    {
        // Arrange
        await using var database = await CreateWithProfileAsync(engine);
        await database.Experiments().CreateAsync(Team, Experiment(), None);
        var created = await database.Experiments().CreateCampaignAsync(Team, Campaign(), None);

        // Act
        var updated = await database.Experiments().UpdateCampaignAsync(Team, created with { Spend = new Money("EUR", 2000.25m), EndDate = new DateOnly(2026, 12, 31) }, created.Etag, None);

        // Assert
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.Equal((2000.25m, new DateOnly(2026, 12, 31)), (updated.Spend.Amount, updated.EndDate));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => database.Experiments().UpdateCampaignAsync(Team, created, created.Etag, None));
        await Assert.ThrowsAsync<NotFoundException>(() => database.Experiments().UpdateCampaignAsync(Team, created with { Id = "cmp-x" }, created.Etag, None));
    }

    [Fact]
    public async Task ListCampaignsAsync_PagesOfOne_ReturnsAllById()
    {
        // Arrange
        await using var database = await CreateWithProfileAsync(engine);
        await database.Experiments().CreateAsync(Team, Experiment(), None);
        foreach (var id in new[] { "cmp-b", "cmp-a" }) await database.Experiments().CreateCampaignAsync(Team, Campaign(id), None);

        // Act
        var first = await database.Experiments().ListCampaignsAsync(Team, "exp-1", new PageRequest(1, null), None);
        var second = await database.Experiments().ListCampaignsAsync(Team, "exp-1", new PageRequest(1, first.NextPageToken), None);

        // Assert
        Assert.Equal(["cmp-a", "cmp-b"], first.Items.Concat(second.Items).Select(c => c.Id));
        Assert.Null(second.NextPageToken);
    }

    internal static async Task<TestDatabase> CreateWithProfileAsync(StorageEngine engine)
    {
        var database = await TestDatabase.CreateAsync(engine);
        await database.Profiles().CreateAsync(Team, Profile(), None);
        return database;
    }

    public sealed class OnSqlite() : ExperimentRepositoryTests(StorageEngine.Sqlite);

    public sealed class OnPostgres() : ExperimentRepositoryTests(StorageEngine.Postgres);
}
