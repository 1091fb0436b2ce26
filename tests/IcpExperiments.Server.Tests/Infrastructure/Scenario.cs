using Grpc.Net.Client;
using IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Tests.Infrastructure;

/// <summary>Builds the common starting points of the tests through the API: a profile with two versions, a draft or running experiment.</summary>
public sealed class Scenario(ProfileService.ProfileServiceClient profiles, ExperimentService.ExperimentServiceClient experiments)
{
    public Scenario(ServerFixture fixture)
        : this(fixture.Profiles, fixture.Experiments)
    {
    }

    /// <summary>Over any server's channel (e.g. an in-process one).</summary>
    public Scenario(GrpcChannel channel)
        : this(new ProfileService.ProfileServiceClient(channel), new ExperimentService.ExperimentServiceClient(channel))
    {
    }

    public async Task<string> CreateProfileWithTwoVersionsAsync()
    {
        var profileId = Requests.NewId("prf");
        await profiles.CreateProfileAsync(new CreateProfileRequest
        {
            ProfileId = profileId,
            Profile = new Profile { DisplayName = "Mid-market SaaS" },
            FirstVersion = Requests.Version(200),
        });
        await profiles.CreateProfileVersionAsync(new CreateProfileVersionRequest { Parent = $"profiles/{profileId}", Version = Requests.Version(50) });
        return profileId;
    }

    public async Task<Experiment> CreateDraftExperimentAsync()
    {
        var profileId = await CreateProfileWithTwoVersionsAsync();
        var response = await experiments.CreateExperimentAsync(new CreateExperimentRequest
        {
            ExperimentId = Requests.NewId("exp"),
            Experiment = Requests.Experiment(profileId),
        });
        return response.Experiment;
    }

    public async Task<Experiment> CreateRunningExperimentAsync()
    {
        var draft = await CreateDraftExperimentAsync();
        return (await experiments.StartExperimentAsync(new StartExperimentRequest { Name = draft.Name })).Experiment;
    }

    public async Task<Enrolment> EnrolAsync(Experiment experiment, string accountId, string armKey) =>
        (await experiments.EnrolAccountAsync(new EnrolAccountRequest
        {
            Parent = experiment.Name,
            Enrolment = Requests.Enrolment(accountId, armKey, DateTimeOffset.UtcNow.AddDays(-30)),
        })).Enrolment;
}
