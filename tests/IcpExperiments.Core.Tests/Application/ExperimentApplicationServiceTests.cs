using IcpExperiments.Core.Application;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Teams;
using IcpExperiments.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using static IcpExperiments.Core.Tests.Samples;

namespace IcpExperiments.Core.Tests.Application;

public sealed class ExperimentApplicationServiceTests
{
    private readonly InMemoryProfileRepository profiles = new();
    private readonly InMemoryExperimentRepository experiments = new();
    private readonly FakeTimeProvider clock = new(Now);

    [Fact]
    public async Task CreateAsync_EmptyId_GeneratesIdAndStoresDraftAtClockTime()
    {
        var sut = await CreateSutWithVersionsAsync(Content(In("industry", "saas")), Content(In("industry", "saas", "fintech")));

        var created = await sut.CreateAsync(TeamId.Default, "", Design(), CancellationToken.None);

        Assert.StartsWith("exp-", created.Id, StringComparison.Ordinal);
        Assert.Equal((ExperimentState.Draft, Now, Now), (created.State, created.CreatedAt, created.UpdatedAt));
        Assert.NotEmpty(created.Etag);
    }

    [Fact]
    public async Task CreateAsync_VariantWithControlsCriteria_RejectsVariantVersion()
    {
        var sut = await CreateSutWithVersionsAsync(Content(In("industry", "saas", "fintech")), Content(In("industry", "FinTech", "SaaS")));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => sut.CreateAsync(TeamId.Default, "exp-1", Design(), CancellationToken.None));

        Assert.Equal("experiment.variants[0].profile_version", Assert.Single(error.Violations).Field);
        Assert.Equal(0, experiments.Count);
    }

    [Fact]
    public async Task CreateAsync_MissingVersion_RejectsThatArm()
    {
        var sut = await CreateSutWithVersionsAsync(Content(In("industry", "saas")));

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => sut.CreateAsync(TeamId.Default, "exp-1", Design(), CancellationToken.None));

        Assert.Equal("experiment.variants[0].profile_version", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public async Task TransitionAsync_Start_SetsStartedAtFromClock()
    {
        var sut = await CreateSutWithVersionsAsync(Content(In("industry", "saas")), Content(Flag("uses_salesforce", true)));
        var created = await sut.CreateAsync(TeamId.Default, "exp-1", Design(), CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(3));

        var started = await sut.TransitionAsync(TeamId.Default, "exp-1", ExperimentState.Running, created.Etag, CancellationToken.None);

        Assert.Equal(Now.AddHours(3), started.StartedAt);
        Assert.NotEqual(created.Etag, started.Etag);
    }

    [Fact]
    public async Task UpdateDesignAsync_RunningExperiment_ThrowsNotDraft()
    {
        var sut = await CreateSutWithVersionsAsync(Content(In("industry", "saas")), Content(Flag("uses_salesforce", true)));
        await sut.CreateAsync(TeamId.Default, "exp-1", Design(), CancellationToken.None);
        await sut.TransitionAsync(TeamId.Default, "exp-1", ExperimentState.Running, "", CancellationToken.None);

        var error = await Assert.ThrowsAsync<PreconditionFailedException>(() => sut.UpdateDesignAsync(TeamId.Default, "exp-1", Design() with { Alpha = 0.01 }, "", CancellationToken.None));

        Assert.Equal("EXPERIMENT_NOT_DRAFT", error.Reason);
    }

    [Fact]
    public async Task CreateCampaignAsync_UnknownArm_RejectsArmKey()
    {
        var sut = await CreateSutWithVersionsAsync(Content(In("industry", "saas")), Content(Flag("uses_salesforce", true)));
        await sut.CreateAsync(TeamId.Default, "exp-1", Design(), CancellationToken.None);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => sut.CreateCampaignAsync(TeamId.Default, Campaign() with { Id = "", ArmKey = "variant-z" }, CancellationToken.None));

        Assert.Equal("campaign.arm_key", Assert.Single(error.Violations).Field);
    }

    private async Task<ExperimentApplicationService> CreateSutWithVersionsAsync(params IcpExperiments.Core.Profiles.ProfileContent[] versions)
    {
        var profileService = new ProfileApplicationService(profiles, clock);
        await profileService.CreateAsync(TeamId.Default, "saas-icp", "SaaS ICP", "", null, CancellationToken.None);
        foreach (var content in versions)
        {
            await profileService.CreateVersionAsync(TeamId.Default, "saas-icp", content, "", CancellationToken.None);
        }

        return new ExperimentApplicationService(experiments, profiles, clock);
    }
}
