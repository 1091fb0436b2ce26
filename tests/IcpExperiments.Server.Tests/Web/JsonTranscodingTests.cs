using Google.Protobuf.WellKnownTypes;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Web;

/// <summary>The HTTP/JSON API (google.api.http rules) over HTTP/1.1: writes and reads round-trip and reach the same store as gRPC.</summary>
[Collection(WebServer.Name)]
public sealed class JsonTranscodingTests(WebServerFixture fixture)
{
    [Fact]
    public async Task CreateProfile_HandWrittenJson_IsReadBackOverJsonAndGrpc()
    {
        var id = Requests.NewId("prf");
        var json = $$$"""
            {"profileId": "{{{id}}}", "profile": {"displayName": "Mid-market SaaS"},
             "firstVersion": {"changeNote": "first", "criteria": [{"attribute": "industry", "categorical": {"operator": "OPERATOR_IN", "values": ["saas", "fintech"]}}]}}
            """;

        var created = await JsonApi.ReadAsync<CreateProfileResponse>(await fixture.Json.PostAsync("/v1/profiles", json));
        var read = await JsonApi.ReadAsync<GetProfileResponse>(await fixture.Json.GetAsync($"/v1/profiles/{id}"));
        var version = await JsonApi.ReadAsync<GetProfileVersionResponse>(await fixture.Json.GetAsync($"/v1/profiles/{id}/versions/1"));
        var overGrpc = await new ProfileService.ProfileServiceClient(fixture.Channel).GetProfileAsync(new GetProfileRequest { Name = $"profiles/{id}" });

        Assert.Equal($"profiles/{id}", created.Profile.Name);
        Assert.Equal(created.Profile, read.Profile);
        Assert.Equal(created.Profile, overGrpc.Profile);
        Assert.Equal(["saas", "fintech"], version.ProfileVersion.Criteria.Single().Categorical.Values);
    }

    [Fact]
    public async Task GetResults_ExperimentWrittenOverJson_CountsEveryAccountAndOutcome()
    {
        var experiment = await CreateRunningExperimentOverJsonAsync();
        var enrolledAt = DateTimeOffset.UtcNow.AddDays(-20);
        for (var i = 0; i < 6; i++)
        {
            var enrolment = Requests.Enrolment($"acct-{i}", i % 2 == 0 ? "control" : "wider", enrolledAt);
            await JsonApi.ReadAsync<EnrolAccountResponse>(await fixture.Json.PostAsync($"/v1/{experiment}/enrolments", enrolment));
        }

        await JsonApi.ReadAsync<RecordOutcomeResponse>(await fixture.Json.PostAsync($"/v1/{experiment}/outcomes", Requests.Converted("acct-1", enrolledAt.AddDays(5), 20_000)));
        await JsonApi.ReadAsync<RecordOutcomeResponse>(await fixture.Json.PostAsync($"/v1/{experiment}/outcomes", Requests.Lost("acct-0", enrolledAt.AddDays(3))));

        var results = (await JsonApi.ReadAsync<GetResultsResponse>(await fixture.Json.GetAsync($"/v1/{experiment}/results?correction=MULTIPLE_COMPARISON_CORRECTION_BENJAMINI_HOCHBERG"))).Results;

        Assert.Equal(MultipleComparisonCorrection.BenjaminiHochberg, results.Correction);
        var control = results.Arms.Single(a => a.Arm == "control");
        var wider = results.Arms.Single(a => a.Arm == "wider");
        Assert.Equal((3, 0, 1, 2), (control.Enrolled, control.Converted, control.Lost, control.Open));
        Assert.Equal((3, 1, 0, 2), (wider.Enrolled, wider.Converted, wider.Lost, wider.Open));
        Assert.Equal("wider", results.Variants.Single().Variant);
    }

    [Fact]
    public async Task ReadRpcs_OverJson_AnswerForARunningExperiment()
    {
        var experiment = await fixture.CreateRunningExperimentAsync();
        var profile = experiment.Profile;

        var recommendation = await JsonApi.ReadAsync<GetRecommendationResponse>(await fixture.Json.GetAsync($"/v1/{experiment.Name}/recommendation"));
        var ledger = await JsonApi.ReadAsync<GetCriteriaLedgerResponse>(await fixture.Json.GetAsync($"/v1/{profile}/ledger"));
        var segments = await JsonApi.ReadAsync<GetSegmentsResponse>(await fixture.Json.GetAsync($"/v1/{experiment.Name}/segments?attributes=industry&attributes=region&min_accounts=1"));
        var diff = await JsonApi.ReadAsync<DiffProfileVersionsResponse>(await fixture.Json.GetAsync($"/v1/{profile}/versions/1:diff?other_version={profile}/versions/2"));
        var listed = await JsonApi.ReadAsync<ListExperimentsResponse>(await fixture.Json.GetAsync("/v1/experiments?state=EXPERIMENT_STATE_RUNNING&page_size=1000"));
        var plan = await JsonApi.ReadAsync<PlanSampleSizeResponse>(await fixture.Json.GetAsync("/v1/experiments:planSampleSize?baseline_conversion=0.1&minimumDetectableEffect=0.2"));

        Assert.Equal(experiment.Name, recommendation.Recommendation.Experiment);
        Assert.Equal(profile, ledger.Ledger.Profile);
        Assert.Equal(experiment.Name, segments.Segments.Experiment);
        Assert.Equal(ChangeDirection.Widening, diff.OverallDirection);
        Assert.Contains(listed.Experiments, e => e.Name == experiment.Name);
        Assert.InRange(plan.AccountsPerArm, 3_000, 5_000);
    }

    [Fact]
    public async Task WatchResults_OverJson_StreamsTheCurrentResultsFirst()
    {
        var experiment = await fixture.CreateRunningExperimentAsync();
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await fixture.Json.GetStreamAsync($"/v1/{experiment.Name}/results:watch", watching.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(watching.Token));
        var first = await JsonApi.ReadNextMessageAsync<WatchResultsResponse>(reader, watching.Token);

        Assert.Equal(experiment.Name, first.Results.Experiment);
        Assert.Equal(2, first.Results.Arms.Count);
    }

    [Fact]
    public async Task UpdateExperiment_PatchWithUpdateMaskQuery_ChangesOnlyThatField()
    {
        var profileId = await CreateProfileWithTwoVersionsOverJsonAsync();
        var id = Requests.NewId("exp");
        var draft = (await JsonApi.ReadAsync<CreateExperimentResponse>(await fixture.Json.PostAsync($"/v1/experiments?experiment_id={id}", Requests.Experiment(profileId)))).Experiment;

        var patched = (await JsonApi.ReadAsync<UpdateExperimentResponse>(await fixture.Json.PatchAsync($"/v1/experiments/{id}?update_mask=hypothesis", new Experiment { Hypothesis = "Edited over JSON." }))).Experiment;

        Assert.Equal("Edited over JSON.", patched.Hypothesis);
        Assert.Equal(draft.DisplayName, patched.DisplayName);
        Assert.NotEqual(draft.Etag, patched.Etag);
    }

    [Fact]
    public async Task CampaignAndLifecycle_OverJson_MoveTheExperimentAndListTheCampaign()
    {
        var experiment = await CreateRunningExperimentOverJsonAsync();

        var campaign = (await JsonApi.ReadAsync<CreateCampaignResponse>(await fixture.Json.PostAsync($"/v1/{experiment}/campaigns?campaign_id=mail", Requests.Campaign("wider")))).Campaign;
        var stopped = await JsonApi.ReadAsync<StopExperimentResponse>(await fixture.Json.PostAsync($"/v1/{experiment}:stop", "{}"));
        var campaigns = await JsonApi.ReadAsync<ListCampaignsResponse>(await fixture.Json.GetAsync($"/v1/{experiment}/campaigns"));

        Assert.Equal($"{experiment}/campaigns/mail", campaign.Name);
        Assert.Equal(ExperimentState.Stopped, stopped.Experiment.State);
        Assert.Equal(campaign, campaigns.Campaigns.Single());
    }

    private async Task<string> CreateProfileWithTwoVersionsOverJsonAsync()
    {
        var profileId = Requests.NewId("prf");
        var create = new CreateProfileRequest { ProfileId = profileId, Profile = new Profile { DisplayName = "ICP" }, FirstVersion = Requests.Version(200) };
        await JsonApi.ReadAsync<CreateProfileResponse>(await fixture.Json.PostAsync("/v1/profiles", create));
        var second = await JsonApi.ReadAsync<CreateProfileVersionResponse>(await fixture.Json.PostAsync($"/v1/profiles/{profileId}/versions", Requests.Version(50)));
        Assert.Equal(2, second.ProfileVersion.VersionNumber);
        return profileId;
    }

    /// <summary>Profile, versions, experiment and start, all over JSON; returns the experiment's name.</summary>
    private async Task<string> CreateRunningExperimentOverJsonAsync()
    {
        var profileId = await CreateProfileWithTwoVersionsOverJsonAsync();
        var id = Requests.NewId("exp");
        await JsonApi.ReadAsync<CreateExperimentResponse>(await fixture.Json.PostAsync($"/v1/experiments?experiment_id={id}", Requests.Experiment(profileId)));
        var started = await JsonApi.ReadAsync<StartExperimentResponse>(await fixture.Json.PostAsync($"/v1/experiments/{id}:start", new Empty()));
        Assert.Equal(ExperimentState.Running, started.Experiment.State);
        return started.Experiment.Name;
    }
}
