using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>
/// Real resources for hostile requests to aim at, all of team <c>default</c> (the admin key's): a profile with two
/// versions, a draft and a running experiment, a campaign, an enrolment and an outcome; plus a key of another team,
/// <see cref="ForeignTeam"/>, with every non-admin role, whose calls on those resources must all be NOT_FOUND.
/// </summary>
public sealed record HostileWorld(string ProfileName, Experiment Draft, Experiment Running, Campaign Campaign, Enrolment Enrolment, Outcome Outcome,
    string ForeignKeyName, string ForeignKeySecret)
{
    public const string ForeignTeam = "hostile-foreign-team";

    public static async Task<HostileWorld> CreateAsync(ServerFixture fixture)
    {
        var scenario = new Scenario(fixture);
        var draft = await scenario.CreateDraftExperimentAsync();
        var running = await scenario.CreateRunningExperimentAsync();
        var campaign = (await fixture.Experiments.CreateCampaignAsync(new CreateCampaignRequest { Parent = running.Name, CampaignId = "email", Campaign = Requests.Campaign("control") })).Campaign;
        var enrolment = await scenario.EnrolAsync(running, "acct-1", "control");
        var outcome = (await fixture.Outcomes.RecordOutcomeAsync(new RecordOutcomeRequest { Parent = running.Name, Outcome = Requests.Converted("acct-1", DateTimeOffset.UtcNow.AddDays(-2), 20_000) })).Outcome;
        var foreignKey = await new AdminService.AdminServiceClient(fixture.Channel).CreateApiKeyAsync(new CreateApiKeyRequest
        {
            ApiKey = new ApiKey { Team = ForeignTeam, DisplayName = "another team", Roles = { Role.Experimenter, Role.ProfileOwner, Role.Viewer } },
        });
        return new HostileWorld(draft.Profile, draft, running, campaign, enrolment, outcome, foreignKey.ApiKey.Name, foreignKey.Secret);
    }

    public string VersionName(int version) => $"{ProfileName}/versions/{version}";

    public string ProfileId => ProfileName["profiles/".Length..];
}
