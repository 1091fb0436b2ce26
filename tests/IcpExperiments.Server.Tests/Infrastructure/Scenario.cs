using IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Tests.Infrastructure;

/// <summary>Builds the common starting points of the tests through the API: a profile with two versions, a draft or running experiment.</summary>
public sealed class Scenario(ServerFixture fixture)
{
    public async Task<string> CreateProfileWithTwoVersionsAsync()
    {
        var profileId = Requests.NewId("prf");
        await fixture.Profiles.CreateProfileAsync(new CreateProfileRequest
        {
            ProfileId = profileId,
            Profile = new Profile { DisplayName = "Mid-market SaaS" },
            FirstVersion = Requests.Version(200),
        });
        await fixture.Profiles.CreateProfileVersionAsync(new CreateProfileVersionRequest { Parent = $"profiles/{profileId}", Version = Requests.Version(50) });
        return profileId;
    }

    public async Task<Experiment> CreateDraftExperimentAsync()
    {
        var profileId = await CreateProfileWithTwoVersionsAsync();
        var response = await fixture.Experiments.CreateExperimentAsync(new CreateExperimentRequest
        {
            ExperimentId = Requests.NewId("exp"),
            Experiment = Requests.Experiment(profileId),
        });
        return response.Experiment;
    }

    public async Task<Experiment> CreateRunningExperimentAsync()
    {
        var draft = await CreateDraftExperimentAsync();
        return (await fixture.Experiments.StartExperimentAsync(new StartExperimentRequest { Name = draft.Name })).Experiment;
    }

    public async Task<Enrolment> EnrolAsync(Experiment experiment, string accountId, string armKey) =>
        (await fixture.Experiments.EnrolAccountAsync(new EnrolAccountRequest
        {
            Parent = experiment.Name,
            Enrolment = Requests.Enrolment(accountId, armKey, DateTimeOffset.UtcNow.AddDays(-30)),
        })).Enrolment;
}
