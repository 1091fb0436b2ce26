using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Profiles;
using static IcpExperiments.Storage.Tests.TestData;

namespace IcpExperiments.Storage.Tests;

public abstract class ProfileRepositoryTests(StorageEngine engine)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task CreateAsync_NewId_StoresProfileWithoutVersions()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(engine);

        // Act
        var created = await database.Profiles().CreateAsync(Team, Profile(), None);

        // Assert
        var read = await database.Profiles().GetAsync(Team, "saas-icp", None);
        Assert.Equal(Profile(), read);
        Assert.Equal(created, read);
    }

    [Fact]
    public async Task CreateAsync_TakenId_ThrowsAlreadyExists()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.Profiles().CreateAsync(Team, Profile(), None);

        // Act / Assert
        var error = await Assert.ThrowsAsync<AlreadyExistsException>(() => database.Profiles().CreateAsync(Team, Profile(), None));
        Assert.Equal("PROFILE_ALREADY_EXISTS", error.Reason);
    }

    [Fact]
    public async Task CreateAsync_SameIdInAnotherTeam_IsIndependent()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.Profiles().CreateAsync(Team, Profile(), None);

        // Act
        await database.Profiles().CreateAsync(OtherTeam, Profile() with { DisplayName = "Theirs" }, None);

        // Assert
        Assert.Equal("SaaS ICP", (await database.Profiles().GetAsync(Team, "saas-icp", None)).DisplayName);
        Assert.Equal("Theirs", (await database.Profiles().GetAsync(OtherTeam, "saas-icp", None)).DisplayName);
    }

    [Fact]
    public async Task GetAsync_AnotherTeamsProfile_ThrowsNotFound()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.Profiles().CreateAsync(OtherTeam, Profile(), None);

        // Act / Assert
        var error = await Assert.ThrowsAsync<NotFoundException>(() => database.Profiles().GetAsync(Team, "saas-icp", None));
        Assert.Equal("PROFILE_NOT_FOUND", error.Reason);
        await Assert.ThrowsAsync<NotFoundException>(() => database.Profiles().GetVersionAsync(Team, "saas-icp", 1, None));
        await Assert.ThrowsAsync<NotFoundException>(() => database.Profiles().AddVersionAsync(Team, "saas-icp", Content("saas"), "", Now, None));
        Assert.Empty((await database.Profiles().ListAsync(Team, PageRequest.First, None)).Items);
    }

    [Fact]
    public async Task AddVersionAsync_TwoVersions_NumbersThemAndRoundTripsTypedContent()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.Profiles().CreateAsync(Team, Profile(), None);

        // Act
        var first = await database.Profiles().AddVersionAsync(Team, "saas-icp", Content("saas"), "first", Now, None);
        var second = await database.Profiles().AddVersionAsync(Team, "saas-icp", Content("saas", "fintech"), "widen", Now.AddHours(1), None);

        // Assert
        Assert.Equal((1, 2), (first.Number, second.Number));
        var read = await database.Profiles().GetVersionAsync(Team, "saas-icp", 2, None);
        Assert.Equal("widen", read.ChangeNote);
        Assert.Equal(Now.AddHours(1), read.CreatedAt);
        var industry = Assert.IsType<CategoricalCriterion>(read.Content.Criteria[0]);
        Assert.Equal(["saas", "fintech"], industry.Values);
        Assert.Equal(new RangeCriterion("employee_count", 50, null, true, false), read.Content.Criteria[1]);
        Assert.Equal(new BooleanCriterion("uses_salesforce", true), Assert.Single(Assert.Single(read.Content.FitTiers).Criteria));
        Assert.Equal(Content().Text, read.Content.Text);
        Assert.Equal(2, (await database.Profiles().GetAsync(Team, "saas-icp", None)).LatestVersion);
    }

    [Fact]
    public async Task AddVersionAsync_ConcurrentWriters_GetDistinctConsecutiveNumbers()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.Profiles().CreateAsync(Team, Profile(), None);

        // Act
        var versions = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => database.Profiles().AddVersionAsync(Team, "saas-icp", Content("saas"), $"v{i}", Now, None))));

        // Assert
        Assert.Equal(Enumerable.Range(1, 8), versions.Select(v => v.Number).Order());
    }

    [Fact]
    public async Task ListVersionsAsync_PagesOfTwo_ReturnsAllInOrderOnce()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.Profiles().CreateAsync(Team, Profile(), None);
        for (int i = 0; i < 5; i++) await database.Profiles().AddVersionAsync(Team, "saas-icp", Content("saas"), $"v{i}", Now, None);

        // Act
        var numbers = new List<int>();
        string? token = null;
        do
        {
            var page = await database.Profiles().ListVersionsAsync(Team, "saas-icp", new PageRequest(2, token), None);
            numbers.AddRange(page.Items.Select(v => v.Number));
            token = page.NextPageToken;
        }
        while (token is not null);

        // Assert
        Assert.Equal([1, 2, 3, 4, 5], numbers);
    }

    [Fact]
    public async Task ListAsync_ForgedToken_ThrowsValidationFailed()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(engine);

        // Act / Assert
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => database.Profiles().ListAsync(Team, new PageRequest(10, "not-a-token"), None));
        Assert.Equal("page_token", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public async Task ListAsync_TwoTeams_ListsOnlyTheCallersProfilesById()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(engine);
        foreach (var id in new[] { "c-icp", "a-icp", "b-icp" }) await database.Profiles().CreateAsync(Team, Profile(id), None);
        await database.Profiles().CreateAsync(OtherTeam, Profile("a-other"), None);

        // Act
        var first = await database.Profiles().ListAsync(Team, new PageRequest(2, null), None);
        var second = await database.Profiles().ListAsync(Team, new PageRequest(2, first.NextPageToken), None);

        // Assert
        Assert.Equal(["a-icp", "b-icp"], first.Items.Select(p => p.Id));
        Assert.Equal(["c-icp"], second.Items.Select(p => p.Id));
        Assert.Null(second.NextPageToken);
    }

    public sealed class OnSqlite() : ProfileRepositoryTests(StorageEngine.Sqlite);

    public sealed class OnPostgres() : ProfileRepositoryTests(StorageEngine.Postgres);
}
