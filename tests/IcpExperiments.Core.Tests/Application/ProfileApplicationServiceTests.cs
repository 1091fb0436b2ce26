using IcpExperiments.Core.Application;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Profiles;
using IcpExperiments.Core.Teams;
using IcpExperiments.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using static IcpExperiments.Core.Tests.Samples;

namespace IcpExperiments.Core.Tests.Application;

public sealed class ProfileApplicationServiceTests
{
    private readonly InMemoryProfileRepository repository = new();

    [Fact]
    public async Task CreateAsync_InvalidIdAndFirstVersion_ReportsBothAndStoresNothing()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            CreateSut().CreateAsync(TeamId.Default, "SaaS", "SaaS ICP", "", Content(Range("employee_count", 500, 50)), CancellationToken.None));

        Assert.Equal(["profile_id", "first_version.criteria[0].max"], error.Violations.Select(v => v.Field));
        await Assert.ThrowsAsync<NotFoundException>(() => repository.GetAsync(TeamId.Default, "SaaS", CancellationToken.None));
    }

    [Fact]
    public async Task CreateAsync_WithFirstVersion_StoresVersionOne()
    {
        var created = await CreateSut().CreateAsync(TeamId.Default, "saas-icp", "SaaS ICP", "", Content(In("industry", "saas")), CancellationToken.None);

        Assert.Equal(1, created.LatestVersion);
        Assert.Equal(Now, Assert.Single(repository.Versions).CreatedAt);
    }

    [Fact]
    public async Task DiffAsync_StoredVersions_ClassesTheChange()
    {
        var sut = CreateSut();
        await sut.CreateAsync(TeamId.Default, "saas-icp", "SaaS ICP", "", Content(Range("employee_count", 50, 500)), CancellationToken.None);
        await sut.CreateVersionAsync(TeamId.Default, "saas-icp", Content(Range("employee_count", 50, null)), "open the top end", CancellationToken.None);

        var diff = await sut.DiffAsync(TeamId.Default, "saas-icp", 1, 2, CancellationToken.None);

        Assert.Equal(ChangeDirection.Widening, Assert.Single(diff.Changes).Direction);
    }

    [Fact]
    public async Task ScoreAsync_Accounts_OneScoreEachInOrder()
    {
        var sut = CreateSut();
        await sut.CreateAsync(TeamId.Default, "saas-icp", "SaaS ICP", "", Content(In("industry", "saas")), CancellationToken.None);
        var other = new IcpExperiments.Core.Accounts.Account("acc-2", Attributes() with { Industry = "Gaming" });

        var scores = await sut.ScoreAsync(TeamId.Default, "saas-icp", 1, [Account(), other], CancellationToken.None);

        Assert.Equal([("acc-1", true), ("acc-2", false)], scores.Select(s => (s.AccountId, s.MatchesAll)));
    }

    private ProfileApplicationService CreateSut() => new(repository, new FakeTimeProvider(Now));
}
