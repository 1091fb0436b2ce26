using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Recommendations;

/// <summary>Validation, unknown resources and apply preconditions of RecommendationService.</summary>
[Collection(SharedServer.Name)]
public sealed class RecommendationApiTests(ServerFixture fixture)
{
    private readonly RecommendationScenario scenario = new(fixture);

    [Fact]
    public async Task GetRecommendation_MalformedName_InvalidArgumentOnExperimentField()
    {
        await RpcAssert.InvalidFieldAsync("experiment", () => scenario.Recommendations.GetRecommendationAsync(new GetRecommendationRequest { Experiment = "experiments/Bad_Id" }));
    }

    [Fact]
    public async Task GetCriteriaLedger_MissingProfile_InvalidArgumentOnProfileField()
    {
        await RpcAssert.InvalidFieldAsync("profile", () => scenario.Recommendations.GetCriteriaLedgerAsync(new GetCriteriaLedgerRequest()));
    }

    [Fact]
    public async Task UnknownResources_NotFound()
    {
        // Arrange
        var experiment = $"experiments/{Requests.NewId("exp")}";

        // Act
        var recommendation = await RpcAssert.FailsAsync(StatusCode.NotFound, () => scenario.Recommendations.GetRecommendationAsync(new GetRecommendationRequest { Experiment = experiment }));
        var apply = await RpcAssert.FailsAsync(StatusCode.NotFound, () => scenario.Recommendations.ApplyRecommendationAsync(new ApplyRecommendationRequest { Experiment = experiment }));
        var ledger = await RpcAssert.FailsAsync(StatusCode.NotFound,
            () => scenario.Recommendations.GetCriteriaLedgerAsync(new GetCriteriaLedgerRequest { Profile = $"profiles/{Requests.NewId("prf")}" }));

        // Assert
        Assert.Equal(["EXPERIMENT_NOT_FOUND", "EXPERIMENT_NOT_FOUND", "PROFILE_NOT_FOUND"], new[] { recommendation, apply, ledger }.Select(RpcAssert.Reason));
    }

    [Fact]
    public async Task DraftExperiment_RecommendationAndApplyFailPrecondition()
    {
        // Arrange
        var draft = await new Scenario(fixture).CreateDraftExperimentAsync();

        // Act
        var recommendation = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => scenario.Recommendations.GetRecommendationAsync(new GetRecommendationRequest { Experiment = draft.Name }));
        var apply = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => scenario.Recommendations.ApplyRecommendationAsync(new ApplyRecommendationRequest { Experiment = draft.Name }));

        // Assert
        Assert.Equal(("EXPERIMENT_NOT_STARTED", "EXPERIMENT_NOT_FINISHED"), (RpcAssert.Reason(recommendation), RpcAssert.Reason(apply)));
    }

    [Fact]
    public async Task ApplyRecommendation_ProfileChangedSinceExperiment_FailsPreconditionAndCreatesNothing()
    {
        // Arrange
        var profileId = await scenario.CreateProfileAsync();
        var experiment = await scenario.RunAsync(profileId, RecommendationScenario.WiderVersion, seed: 21,
            new SyntheticCampaign.TrueArm("control", 1500, 0.2), new SyntheticCampaign.TrueArm("wider", 1500, 0.27), stop: true);
        await fixture.Profiles.CreateProfileVersionAsync(new CreateProfileVersionRequest { Parent = $"profiles/{profileId}", Version = Requests.Version(100) });

        // Act
        var status = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            () => scenario.Recommendations.ApplyRecommendationAsync(new ApplyRecommendationRequest { Experiment = experiment.Name }));

        // Assert
        Assert.Equal("PROFILE_CHANGED_SINCE_EXPERIMENT", RpcAssert.Reason(status));
        Assert.Equal(4, (await fixture.Profiles.GetProfileAsync(new GetProfileRequest { Name = $"profiles/{profileId}" })).Profile.LatestVersionNumber);
    }

    [Fact]
    public async Task ApplyRecommendation_RunningExperiment_FailsPreconditionNotFinished()
    {
        // Arrange
        var profileId = await scenario.CreateProfileAsync();
        var experiment = await scenario.RunAsync(profileId, RecommendationScenario.WiderVersion, seed: 22,
            new SyntheticCampaign.TrueArm("control", 100, 0.2), new SyntheticCampaign.TrueArm("wider", 100, 0.2), stop: false);

        // Act
        var status = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            () => scenario.Recommendations.ApplyRecommendationAsync(new ApplyRecommendationRequest { Experiment = experiment.Name }));

        // Assert
        Assert.Equal("EXPERIMENT_NOT_FINISHED", RpcAssert.Reason(status));
    }

    [Fact]
    public async Task ApplyRecommendation_ByRole_ExperimenterDeniedProfileOwnerRecordedOtherTeamNotFound()
    {
        // Arrange
        var profileId = await scenario.CreateProfileAsync();
        var experiment = await scenario.RunAsync(profileId, RecommendationScenario.WiderVersion, seed: 23,
            new SyntheticCampaign.TrueArm("control", 1500, 0.2), new SyntheticCampaign.TrueArm("wider", 1500, 0.27), stop: true);
        using var experimenter = await KeyedClients.CreateAsync(fixture.Server, "default", Role.Experimenter);
        using var owner = await KeyedClients.CreateAsync(fixture.Server, "default", Role.ProfileOwner);
        using var stranger = await KeyedClients.CreateAsync(fixture.Server, Requests.NewId("team"), Role.Admin);
        using var experimenterChannel = fixture.Server.CreateChannel(experimenter.Secret);
        using var ownerChannel = fixture.Server.CreateChannel(owner.Secret);
        using var strangerChannel = fixture.Server.CreateChannel(stranger.Secret);
        var request = new ApplyRecommendationRequest { Experiment = experiment.Name };

        // Act
        var read = await new RecommendationService.RecommendationServiceClient(experimenterChannel).GetRecommendationAsync(new GetRecommendationRequest { Experiment = experiment.Name });
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => new RecommendationService.RecommendationServiceClient(experimenterChannel).ApplyRecommendationAsync(request));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => new RecommendationService.RecommendationServiceClient(strangerChannel).ApplyRecommendationAsync(request));
        var applied = await new RecommendationService.RecommendationServiceClient(ownerChannel).ApplyRecommendationAsync(request);

        // Assert
        Assert.True(read.Recommendation.ProposedVersion.HasChanges);
        Assert.True(applied.Created);
        Assert.Equal(owner.Key.KeyId, applied.ProfileVersion.Provenance.AppliedBy);
    }
}
