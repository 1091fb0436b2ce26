using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>
/// A valid JWT's caller meets the same policy table and team isolation as an API key: viewers read, experimenters
/// write, another team's resources are NOT_FOUND, key administration stays with admins, and a genuine token that
/// names no team or no role of ours is PERMISSION_DENIED.
/// </summary>
[Collection(JwtServer.Name)]
public sealed class JwtAuthorizationTests(JwtServerFixture fixture)
{
    [Fact]
    public async Task GetResults_ViewerToken_ReadsItsTeamsResults()
    {
        var team = Requests.NewId("jwt-view");
        var experiment = await RunningExperimentAsync(team);
        using var channel = fixture.ChannelWith(JwtTestTokens.Viewer(team));

        var read = await new ExperimentService.ExperimentServiceClient(channel).GetExperimentAsync(new GetExperimentRequest { Name = experiment.Name });
        var results = await new AnalysisService.AnalysisServiceClient(channel).GetResultsAsync(new GetResultsRequest { Experiment = experiment.Name });

        Assert.Equal(experiment.Name, read.Experiment.Name);
        Assert.Equal($"{experiment.Name}/results", results.Results.Name);
    }

    [Fact]
    public async Task StopExperiment_ViewerToken_IsPermissionDenied()
    {
        var team = Requests.NewId("jwt-view");
        var experiment = await RunningExperimentAsync(team);
        using var channel = fixture.ChannelWith(JwtTestTokens.Viewer(team));

        var status = await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            () => new ExperimentService.ExperimentServiceClient(channel).StopExperimentAsync(new StopExperimentRequest { Name = experiment.Name }));

        Assert.Equal("ROLE_REQUIRED", RpcAssert.Reason(status));
    }

    [Fact]
    public async Task StopExperiment_ExperimenterToken_Writes()
    {
        var team = Requests.NewId("jwt-exp");
        var experiment = await RunningExperimentAsync(team);
        using var channel = fixture.ChannelWith(JwtTestTokens.Experimenter(team));

        var stopped = await new ExperimentService.ExperimentServiceClient(channel).StopExperimentAsync(new StopExperimentRequest { Name = experiment.Name });

        Assert.Equal(ExperimentState.Stopped, stopped.Experiment.State);
    }

    [Fact]
    public async Task GetExperiment_TokenOfAnotherTeam_IsNotFound()
    {
        var experiment = await RunningExperimentAsync(Requests.NewId("jwt-owner"));
        using var channel = fixture.ChannelWith(JwtTestTokens.Experimenter(Requests.NewId("jwt-other")));

        await RpcAssert.FailsAsync(StatusCode.NotFound,
            () => new ExperimentService.ExperimentServiceClient(channel).GetExperimentAsync(new GetExperimentRequest { Name = experiment.Name }));
    }

    [Fact]
    public async Task CreateApiKey_ExperimenterToken_IsPermissionDenied()
    {
        var team = Requests.NewId("jwt-exp");
        using var channel = fixture.ChannelWith(JwtTestTokens.Experimenter(team));
        var request = new CreateApiKeyRequest { ApiKey = new ApiKey { Team = team, DisplayName = "escalation", Roles = { Role.Admin } } };

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => new AdminService.AdminServiceClient(channel).CreateApiKeyAsync(request));
    }

    [Fact]
    public async Task ListProfiles_RsaSignedToken_IsAccepted()
    {
        var team = Requests.NewId("jwt-rsa");
        var token = JwtTestTokens.Mint(JwtTestTokens.NewSubject(), team, ["viewer"],
            d => d.SigningCredentials = new SigningCredentials(JwtTestTokens.RsaKey, SecurityAlgorithms.RsaSha256));
        using var channel = fixture.ChannelWith(token);

        var listed = await new ProfileService.ProfileServiceClient(channel).ListProfilesAsync(new ListProfilesRequest());

        Assert.Empty(listed.Profiles);
    }

    [Theory]
    [InlineData(null, "viewer")]
    [InlineData("Not A Team", "viewer")]
    [InlineData("jwt-no-role", "janitor")]
    public async Task ListProfiles_GenuineTokenWithoutTeamOrRole_IsPermissionDenied(string? team, string role)
    {
        using var channel = fixture.ChannelWith(JwtTestTokens.Mint(JwtTestTokens.NewSubject(), team, [role]));

        var status = await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => new ProfileService.ProfileServiceClient(channel).ListProfilesAsync(new ListProfilesRequest()));

        Assert.Equal("JWT_CLAIMS_REQUIRED", RpcAssert.Reason(status));
    }

    /// <summary>A running experiment of <paramref name="team"/>, created with an API key of that team.</summary>
    private async Task<Experiment> RunningExperimentAsync(string team)
    {
        using var owner = await KeyedClients.CreateAsync(fixture.Server, team, Role.Experimenter, Role.ProfileOwner);
        return await owner.CreateRunningExperimentAsync();
    }
}
