using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>What a valid key may do: its roles decide (PERMISSION_DENIED otherwise); every role reads its team's data.</summary>
[Collection(SharedServer.Name)]
public sealed class AuthorizationTests(ServerFixture fixture)
{
    [Fact]
    public async Task CreateExperiment_ViewerKey_IsPermissionDenied()
    {
        var profileId = await new Scenario(fixture).CreateProfileWithTwoVersionsAsync();
        using var viewer = await KeyedClients.CreateAsync(fixture.Server, "default", Role.Viewer);

        var status = await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => viewer.Experiments.CreateExperimentAsync(
            new CreateExperimentRequest { ExperimentId = Requests.NewId("exp"), Experiment = Requests.Experiment(profileId) }));

        Assert.Equal("ROLE_REQUIRED", RpcAssert.Reason(status));
    }

    [Fact]
    public async Task GetExperiment_ViewerKey_ReadsIt()
    {
        var experiment = await new Scenario(fixture).CreateDraftExperimentAsync();
        using var viewer = await KeyedClients.CreateAsync(fixture.Server, "default", Role.Viewer);

        var read = await viewer.Experiments.GetExperimentAsync(new GetExperimentRequest { Name = experiment.Name });

        Assert.Equal(experiment, read.Experiment);
    }

    [Fact]
    public async Task CreateProfileVersion_ExperimenterKey_IsPermissionDeniedButProfileOwnerMay()
    {
        var profileId = await new Scenario(fixture).CreateProfileWithTwoVersionsAsync();
        using var experimenter = await KeyedClients.CreateAsync(fixture.Server, "default", Role.Experimenter);
        using var owner = await KeyedClients.CreateAsync(fixture.Server, "default", Role.ProfileOwner);
        var request = new CreateProfileVersionRequest { Parent = $"profiles/{profileId}", Version = Requests.Version(100) };

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => experimenter.Profiles.CreateProfileVersionAsync(request));
        var created = await owner.Profiles.CreateProfileVersionAsync(request);

        Assert.Equal(3, created.ProfileVersion.VersionNumber);
    }

    [Fact]
    public async Task RecordOutcome_ProfileOwnerKey_IsPermissionDenied()
    {
        var experiment = await new Scenario(fixture).CreateRunningExperimentAsync();
        using var owner = await KeyedClients.CreateAsync(fixture.Server, "default", Role.ProfileOwner);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => owner.Outcomes.RecordOutcomeAsync(new RecordOutcomeRequest
        {
            Parent = experiment.Name,
            Outcome = Requests.Converted("acct-x", DateTimeOffset.UtcNow.AddDays(-1), 10_000),
        }));
    }

    [Fact]
    public async Task AdminService_ExperimenterKey_IsPermissionDenied()
    {
        using var experimenter = await KeyedClients.CreateAsync(fixture.Server, "default", Role.Experimenter, Role.Viewer, Role.ProfileOwner);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => experimenter.Admin.ListApiKeysAsync(new ListApiKeysRequest()));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => experimenter.Admin.CreateApiKeyAsync(
            new CreateApiKeyRequest { ApiKey = new ApiKey { Team = "default", Roles = { Role.Admin } } }));
    }
}
