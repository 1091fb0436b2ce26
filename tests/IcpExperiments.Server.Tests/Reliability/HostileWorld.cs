using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>Real resources for hostile requests to aim at: a profile with two versions, a draft and a running experiment, a campaign, an enrolment and an outcome.</summary>
public sealed record HostileWorld(string ProfileName, Experiment Draft, Experiment Running, Campaign Campaign, Enrolment Enrolment, Outcome Outcome)
{
    public static async Task<HostileWorld> CreateAsync(ServerFixture fixture)
    {
        var scenario = new Scenario(fixture);
        var draft = await scenario.CreateDraftExperimentAsync();
        var running = await scenario.CreateRunningExperimentAsync();
        var campaign = (await fixture.Experiments.CreateCampaignAsync(new CreateCampaignRequest { Parent = running.Name, CampaignId = "email", Campaign = Requests.Campaign("control") })).Campaign;
        var enrolment = await scenario.EnrolAsync(running, "acct-1", "control");
        var outcome = (await fixture.Outcomes.RecordOutcomeAsync(new RecordOutcomeRequest { Parent = running.Name, Outcome = Requests.Converted("acct-1", DateTimeOffset.UtcNow.AddDays(-2), 20_000) })).Outcome;
        return new HostileWorld(draft.Profile, draft, running, campaign, enrolment, outcome);
    }

    public string VersionName(int version) => $"{ProfileName}/versions/{version}";

    public string ProfileId => ProfileName["profiles/".Length..];
}
