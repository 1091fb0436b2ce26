using IcpExperiments.Core.Application;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Profiles;
using IcpExperiments.Core.Recommendations;
using IcpExperiments.Core.Teams;
using IcpExperiments.Core.Tests.Analysis;
using IcpExperiments.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using static IcpExperiments.Core.Tests.Samples;

namespace IcpExperiments.Core.Tests.Application;

public sealed class RecommendationApplicationServiceTests
{
    private static readonly TeamId Team = TeamId.Default;
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly InMemoryProfileRepository profiles = new();
    private readonly InMemoryExperimentRepository experiments = new();
    private readonly InMemoryRecommendationRepository recommendations;
    private readonly SyntheticAnalyzer analyzer;

    public RecommendationApplicationServiceTests()
    {
        recommendations = new InMemoryRecommendationRepository(profiles);
        analyzer = new SyntheticAnalyzer(experiments);
    }

    [Fact]
    public async Task GetAsync_Draft_ThrowsExperimentNotStartedWithoutAnalysing()
    {
        // Arrange
        var sut = await CreateSutAsync();
        await AddExperimentAsync("exp-1", ExperimentState.Draft, 6000, 0.10, 0.13);

        // Act
        var error = await Assert.ThrowsAsync<PreconditionFailedException>(() => sut.GetAsync(Team, "exp-1", None));

        // Assert
        Assert.Equal("EXPERIMENT_NOT_STARTED", error.Reason);
        Assert.Equal(0, analyzer.Calls);
    }

    [Fact]
    public async Task GetAsync_TrueLift_AdoptsTheWiderRangeAndProposesIt()
    {
        // Arrange
        var sut = await CreateSutAsync();
        await AddExperimentAsync("exp-1", ExperimentState.Running, 6000, 0.10, 0.13);

        // Act
        var report = await sut.GetAsync(Team, "exp-1", None);

        // Assert
        var criterion = Assert.Single(Assert.Single(report.Recommendation.Variants).Criteria);
        Assert.Equal(CriterionCall.Adopt, criterion.Call);
        Assert.True(report.Proposal.HasChanges);
        Assert.Equal("50 ≤ employee_count ≤ 2000", CriterionText.Describe(report.Proposal.Content.Criteria.Single(c => c.Attribute == "employee_count")));
        Assert.Null(report.Applied);
    }

    [Fact]
    public async Task ApplyAsync_Running_ThrowsExperimentNotFinished()
    {
        // Arrange
        var sut = await CreateSutAsync();
        await AddExperimentAsync("exp-1", ExperimentState.Running, 6000, 0.10, 0.13);

        // Act
        var error = await Assert.ThrowsAsync<PreconditionFailedException>(() => sut.ApplyAsync(Team, "alice", "exp-1", None));

        // Assert
        Assert.Equal("EXPERIMENT_NOT_FINISHED", error.Reason);
        Assert.Empty(recommendations.Applied);
    }

    [Fact]
    public async Task ApplyAsync_NothingAdopted_ThrowsNothingToApplyWithTheVariantSummary()
    {
        // Arrange
        var sut = await CreateSutAsync();
        await AddExperimentAsync("exp-1", ExperimentState.Stopped, 300, 0.10, 0.10);

        // Act
        var error = await Assert.ThrowsAsync<PreconditionFailedException>(() => sut.ApplyAsync(Team, "alice", "exp-1", None));

        // Assert
        Assert.Equal("NOTHING_TO_APPLY", error.Reason);
        Assert.Contains("variant-a", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, profiles.Versions.Count);
    }

    [Fact]
    public async Task ApplyAsync_StoppedWinnerTwice_CreatesOneVersionWithProvenance()
    {
        // Arrange
        var sut = await CreateSutAsync();
        await AddExperimentAsync("exp-1", ExperimentState.Stopped, 6000, 0.10, 0.13);

        // Act
        var first = await sut.ApplyAsync(Team, "alice", "exp-1", None);
        var second = await sut.ApplyAsync(Team, "bob", "exp-1", None);

        // Assert
        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(3, first.Version.Number);
        Assert.Equal(first.Version.Number, second.Version.Number);
        Assert.Equal(3, profiles.Versions.Count);
        var origin = second.Version.Origin!;
        Assert.Equal(("exp-1", 1, "alice", Now, 0.95), (origin.ExperimentId, origin.ControlVersion, origin.AppliedBy, origin.AppliedAt, origin.ConfidenceLevel));
        var evidence = Assert.Single(origin.Provenance);
        Assert.Equal(("variant-a", "employee_count", CriterionCall.Adopt), (evidence.VariantKey, evidence.Change.Attribute, evidence.Call));
        Assert.InRange(evidence.Relative!.Estimate, 0.1, 0.5);
        Assert.StartsWith("From experiment exp-1: adopt 50 ≤ employee_count ≤ 2000 from variant-a", first.Version.ChangeNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLedgerAsync_SameChangeInTwoExperimentsAndADraft_PoolsTheTwoAndSkipsTheDraft()
    {
        // Arrange
        var sut = await CreateSutAsync();
        await AddExperimentAsync("exp-1", ExperimentState.Concluded, 6000, 0.10, 0.13, Now.AddDays(-20));
        await AddExperimentAsync("exp-2", ExperimentState.Running, 6000, 0.10, 0.12, Now.AddDays(-10));
        await AddExperimentAsync("exp-3", ExperimentState.Draft, 6000, 0.10, 0.12, Now);

        // Act
        var ledger = await sut.GetLedgerAsync(Team, "saas-icp", None);

        // Assert
        Assert.Equal(["exp-2", "exp-1"], ledger.ExperimentIds);
        Assert.False(ledger.Truncated);
        var line = Assert.Single(ledger.Lines);
        Assert.Equal(["exp-2", "exp-1"], line.Tests.Select(t => t.ExperimentId));
        Assert.Equal(2, line.Pooled!.Tests);
        var (low, high) = (line.Tests.Min(t => t.Relative.Estimate), line.Tests.Max(t => t.Relative.Estimate));
        Assert.InRange(line.Pooled.Estimate, low, high);
    }

    [Fact]
    public async Task GetLedgerAsync_UnknownProfile_ThrowsNotFound()
    {
        // Arrange
        var sut = await CreateSutAsync();

        // Act / Assert
        await Assert.ThrowsAsync<NotFoundException>(() => sut.GetLedgerAsync(Team, "nope", None));
    }

    private async Task<RecommendationApplicationService> CreateSutAsync()
    {
        await profiles.CreateAsync(Team, new Profile("saas-icp", "SaaS", "", 0, Now, Now), None);
        await profiles.AddVersionAsync(Team, "saas-icp", Content(In("industry", "saas"), Range("employee_count", 50, 500)), "control", Now, None);
        await profiles.AddVersionAsync(Team, "saas-icp", Content(In("industry", "saas"), Range("employee_count", 50, 2000)), "wider", Now, None);
        return new RecommendationApplicationService(analyzer, experiments, profiles, recommendations, new FakeTimeProvider(Now));
    }

    private async Task AddExperimentAsync(string id, ExperimentState state, int accounts, double controlRate, double variantRate, DateTimeOffset? createdAt = null)
    {
        var at = createdAt ?? Now.AddDays(-30);
        await experiments.CreateAsync(Team, new Experiment(id, Designs.TwoArm(), state, "", at, at, null, null, null, null), None);
        analyzer.SetTruth(id, accounts, controlRate, variantRate);
    }
}
