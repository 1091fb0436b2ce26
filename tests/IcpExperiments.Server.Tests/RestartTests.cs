using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests;

/// <summary>Kills the server process abruptly and starts a new one on the same database (SQLite file or PostgreSQL database): everything is still there.</summary>
public abstract class RestartTests(StorageEngine engine) : IAsyncLifetime
{
    private readonly ServerFixture fixture = ServerFixture.For(engine);

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task Restart_AfterKill_EverythingWrittenIsStillThere()
    {
        var scenario = new Scenario(fixture);
        var experiment = await scenario.CreateRunningExperimentAsync();
        await fixture.Experiments.CreateCampaignAsync(new CreateCampaignRequest { Parent = experiment.Name, CampaignId = "kept", Campaign = Requests.Campaign("wider") });
        await scenario.EnrolAsync(experiment, "acct-kept", "wider");
        var outcome = (await fixture.Outcomes.RecordOutcomeAsync(new RecordOutcomeRequest
        {
            Parent = experiment.Name,
            Outcome = Requests.Converted("acct-kept", DateTimeOffset.UtcNow.AddDays(-1), 45_000),
        })).Outcome;

        await fixture.Server.KillAsync();
        await fixture.Server.StartAsync();
        using var channel = fixture.Server.CreateChannel();
        var experiments = new ExperimentService.ExperimentServiceClient(channel);
        var outcomes = new OutcomeService.OutcomeServiceClient(channel);
        var profiles = new ProfileService.ProfileServiceClient(channel);

        var reread = (await experiments.GetExperimentAsync(new GetExperimentRequest { Name = experiment.Name })).Experiment;
        Assert.Equal(experiment, reread);
        var profile = (await profiles.GetProfileAsync(new GetProfileRequest { Name = experiment.Profile })).Profile;
        Assert.Equal(2, profile.LatestVersionNumber);
        var campaign = (await experiments.GetCampaignAsync(new GetCampaignRequest { Name = $"{experiment.Name}/campaigns/kept" })).Campaign;
        Assert.Equal("wider", campaign.ArmKey);
        var enrolments = await experiments.ListEnrolmentsAsync(new ListEnrolmentsRequest { Parent = experiment.Name });
        Assert.Equal("acct-kept", Assert.Single(enrolments.Enrolments).AccountId);
        var stored = await outcomes.ListOutcomesAsync(new ListOutcomesRequest { Parent = experiment.Name });
        Assert.Equal(outcome, Assert.Single(stored.Outcomes));
    }

    public sealed class OnSqlite() : RestartTests(StorageEngine.Sqlite);

    public sealed class OnPostgres() : RestartTests(StorageEngine.Postgres);
}
