using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>Another team's resources do not exist for a caller: reads, updates and writes are NOT_FOUND, lists leave them out.</summary>
[Collection(SharedServer.Name)]
public sealed class TeamIsolationTests(ServerFixture fixture)
{
    private static readonly Role[] Everything = [Role.Experimenter, Role.ProfileOwner, Role.Viewer];

    [Fact]
    public async Task Experiment_OfTeamA_IsNotFoundForTeamB()
    {
        using var teamA = await KeyedClients.CreateAsync(fixture.Server, Requests.NewId("team-a"), Everything);
        using var teamB = await KeyedClients.CreateAsync(fixture.Server, Requests.NewId("team-b"), Everything);
        var experiment = await teamA.CreateRunningExperimentAsync();

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => teamB.Experiments.GetExperimentAsync(new GetExperimentRequest { Name = experiment.Name }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => teamB.Experiments.StopExperimentAsync(new StopExperimentRequest { Name = experiment.Name }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => teamB.Experiments.EnrolAccountAsync(new EnrolAccountRequest
        {
            Parent = experiment.Name,
            Enrolment = Requests.Enrolment("acct-b", "control", DateTimeOffset.UtcNow.AddDays(-3)),
        }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => teamB.Outcomes.ListOutcomesAsync(new ListOutcomesRequest { Parent = experiment.Name }));
        Assert.Empty((await teamB.Experiments.ListExperimentsAsync(new ListExperimentsRequest())).Experiments);
        var stillRunning = await teamA.Experiments.GetExperimentAsync(new GetExperimentRequest { Name = experiment.Name });
        Assert.Equal(ExperimentState.Running, stillRunning.Experiment.State);
    }

    [Fact]
    public async Task Profile_OfTeamA_IsNotFoundForTeamBWhichMayReuseItsId()
    {
        using var teamA = await KeyedClients.CreateAsync(fixture.Server, Requests.NewId("team-a"), Everything);
        using var teamB = await KeyedClients.CreateAsync(fixture.Server, Requests.NewId("team-b"), Everything);
        var profileId = Requests.NewId("prf");
        await teamA.Profiles.CreateProfileAsync(new CreateProfileRequest { ProfileId = profileId, Profile = new Profile { DisplayName = "A's ICP" }, FirstVersion = Requests.Version(200) });

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => teamB.Profiles.GetProfileAsync(new GetProfileRequest { Name = $"profiles/{profileId}" }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => teamB.Profiles.CreateProfileVersionAsync(
            new CreateProfileVersionRequest { Parent = $"profiles/{profileId}", Version = Requests.Version(10) }));
        Assert.Empty((await teamB.Profiles.ListProfilesAsync(new ListProfilesRequest())).Profiles);
        var own = await teamB.Profiles.CreateProfileAsync(new CreateProfileRequest { ProfileId = profileId, Profile = new Profile { DisplayName = "B's ICP" } });

        Assert.Equal("B's ICP", own.Profile.DisplayName);
        Assert.Equal(1, (await teamA.Profiles.GetProfileAsync(new GetProfileRequest { Name = $"profiles/{profileId}" })).Profile.LatestVersionNumber);
    }
}
