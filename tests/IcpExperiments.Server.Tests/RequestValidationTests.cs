using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests;

/// <summary>Proto-level rules of the other RPCs (names, paging, oneofs, enums, numbers, dates, money, masks): one case each.</summary>
[Collection(SharedServer.Name)]
public sealed class RequestValidationTests(ServerFixture fixture)
{
    private readonly Scenario scenario = new(fixture);

    [Theory]
    [InlineData("")]
    [InlineData("experiments")]
    [InlineData("experiments/Upper")]
    [InlineData("experiments/a/b")]
    [InlineData("profiles/abc")]
    [InlineData("experiments/")]
    [InlineData("experiments/1abc")]
    [InlineData("experiments/a_b")]
    [InlineData("experiments/abc\n")]
    [InlineData("Experiments/abc")]
    [InlineData("experiments/a234567890123456789012345678901234567890123456789012345678901234")] // 64 characters
    public async Task GetExperiment_MalformedName_InvalidArgumentOnName(string name)
    {
        await RpcAssert.InvalidFieldAsync("name", () => fixture.Experiments.GetExperimentAsync(new GetExperimentRequest { Name = name }));
    }

    [Theory]
    [InlineData("experiments/a")]
    [InlineData("experiments/a-9")]
    [InlineData("experiments/a23456789012345678901234567890123456789012345678901234567890123")] // 63 characters
    public async Task GetExperiment_WellFormedNameOfNoExperiment_NotFound(string name)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Experiments.GetExperimentAsync(new GetExperimentRequest { Name = name }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Theory]
    [InlineData("profiles/p/versions/0")]
    [InlineData("profiles/p/versions/x")]
    [InlineData("profiles/p")]
    public async Task GetProfileVersion_MalformedName_InvalidArgumentOnName(string name)
    {
        await RpcAssert.InvalidFieldAsync("name", () => fixture.Profiles.GetProfileVersionAsync(new GetProfileVersionRequest { Name = name }));
    }

    [Fact]
    public async Task ListExperiments_NegativePageSize_InvalidArgument()
    {
        await RpcAssert.InvalidFieldAsync("page_size", () => fixture.Experiments.ListExperimentsAsync(new ListExperimentsRequest { PageSize = -1 }));
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAA")]
    public async Task ListProfiles_ForgedPageToken_InvalidArgument(string token)
    {
        await RpcAssert.InvalidFieldAsync("page_token", () => fixture.Profiles.ListProfilesAsync(new ListProfilesRequest { PageToken = token }));
    }

    [Fact]
    public async Task ListExperiments_StateFilter_OnlyThatState()
    {
        var draft = await scenario.CreateDraftExperimentAsync();
        var running = await scenario.CreateRunningExperimentAsync();

        var listed = await fixture.Experiments.ListExperimentsAsync(new ListExperimentsRequest { State = ExperimentState.Draft, PageSize = 1000 });

        Assert.All(listed.Experiments, e => Assert.Equal(ExperimentState.Draft, e.State));
        Assert.Contains(listed.Experiments, e => e.Name == draft.Name);
        Assert.DoesNotContain(listed.Experiments, e => e.Name == running.Name);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task ScoreAccounts_AccountCountOutOfRange_InvalidArgument(int count)
    {
        var profileId = await scenario.CreateProfileWithTwoVersionsAsync();
        var request = new ScoreAccountsRequest { ProfileVersion = $"profiles/{profileId}/versions/1" };
        for (int i = 0; i < count; i++) request.Accounts.Add(new AccountToScore { AccountId = $"a{i}", Attributes = Requests.Attributes() });

        await RpcAssert.InvalidFieldAsync("accounts", () => fixture.Profiles.ScoreAccountsAsync(request));
    }

    public static TheoryData<string> CriterionCases => new(CriterionBreaks.Keys);

    private static readonly Dictionary<string, (Action<Criterion> Break, string Field)> CriterionBreaks = new()
    {
        ["no predicate"] = (c => c.ClearPredicate(), "version.criteria[0]"),
        ["operator unspecified"] = (c => c.Categorical.Operator = CategoricalPredicate.Types.Operator.Unspecified, "version.criteria[0].categorical.operator"),
        ["range min NaN"] = (c => c.NumericRange = new NumericRangePredicate { Min = double.NaN }, "version.criteria[0].numeric_range.min"),
        ["range max infinite"] = (c => c.NumericRange = new NumericRangePredicate { Max = double.PositiveInfinity }, "version.criteria[0].numeric_range.max"),
        ["attribute empty"] = (c => c.Attribute = string.Empty, "version.criteria[0].attribute"),
    };

    [Theory]
    [MemberData(nameof(CriterionCases))]
    public async Task CreateProfileVersion_BrokenCriterion_InvalidArgumentNamesCriterion(string caseName)
    {
        var profileId = await scenario.CreateProfileWithTwoVersionsAsync();
        var version = Requests.Version(100);
        var (breakRule, field) = CriterionBreaks[caseName];
        breakRule(version.Criteria[0]);

        await RpcAssert.InvalidFieldAsync(field, () => fixture.Profiles.CreateProfileVersionAsync(new CreateProfileVersionRequest { Parent = $"profiles/{profileId}", Version = version }));

        var profile = await fixture.Profiles.GetProfileAsync(new GetProfileRequest { Name = $"profiles/{profileId}" });
        Assert.Equal(2, profile.Profile.LatestVersionNumber);
    }

    public static TheoryData<string> CampaignCases => new(CampaignBreaks.Keys);

    private static readonly Dictionary<string, (Action<Campaign> Break, string Field)> CampaignBreaks = new()
    {
        ["channel unspecified"] = (c => c.Channel = Channel.Unspecified, "campaign.channel"),
        ["start date missing"] = (c => c.StartDate = null, "campaign.start_date"),
        ["start date 30 February"] = (c => c.StartDate = new Google.Type.Date { Year = 2026, Month = 2, Day = 30 }, "campaign.start_date"),
        ["spend missing"] = (c => c.Spend = null, "campaign.spend"),
        ["spend signs disagree"] = (c => c.Spend = new Google.Type.Money { CurrencyCode = "USD", Units = 5, Nanos = -1 }, "campaign.spend"),
    };

    [Theory]
    [MemberData(nameof(CampaignCases))]
    public async Task CreateCampaign_RuleBroken_InvalidArgumentNamesField(string caseName)
    {
        var experiment = await scenario.CreateDraftExperimentAsync();
        var campaign = Requests.Campaign("control");
        var (breakRule, field) = CampaignBreaks[caseName];
        breakRule(campaign);

        await RpcAssert.InvalidFieldAsync(field, () => fixture.Experiments.CreateCampaignAsync(new CreateCampaignRequest { Parent = experiment.Name, Campaign = campaign }));
    }

    public static TheoryData<string> OutcomeCases => new(OutcomeBreaks.Keys);

    private static readonly Dictionary<string, (Action<Outcome> Break, string Field)> OutcomeBreaks = new()
    {
        ["no result"] = (o => o.ClearResult(), "outcome"),
        ["event id missing"] = (o => o.EventId = string.Empty, "outcome.event_id"),
        ["account id missing"] = (o => o.AccountId = string.Empty, "outcome.account_id"),
        ["acv missing"] = (o => o.Converted.Acv = null, "outcome.converted.acv"),
        ["convert time missing"] = (o => o.Converted.ConvertTime = null, "outcome.converted.convert_time"),
        ["convert time nanos out of range"] = (o => o.Converted.ConvertTime = new Timestamp { Seconds = 1, Nanos = -5 }, "outcome.converted.convert_time"),
    };

    [Theory]
    [MemberData(nameof(OutcomeCases))]
    public async Task RecordOutcome_RuleBroken_InvalidArgumentNamesField(string caseName)
    {
        var experiment = await scenario.CreateRunningExperimentAsync();
        await scenario.EnrolAsync(experiment, "acct-v", "control");
        var outcome = Requests.Converted("acct-v", DateTimeOffset.UtcNow.AddDays(-1), 10_000);
        var (breakRule, field) = OutcomeBreaks[caseName];
        breakRule(outcome);

        await RpcAssert.InvalidFieldAsync(field, () => fixture.Outcomes.RecordOutcomeAsync(new RecordOutcomeRequest { Parent = experiment.Name, Outcome = outcome }));

        var stored = await fixture.Outcomes.ListOutcomesAsync(new ListOutcomesRequest { Parent = experiment.Name });
        Assert.Empty(stored.Outcomes);
    }

    [Fact]
    public async Task EnrolAccount_AnnualRevenueInfinite_InvalidArgument()
    {
        var experiment = await scenario.CreateRunningExperimentAsync();
        var enrolment = Requests.Enrolment("acct-inf", "control", DateTimeOffset.UtcNow.AddDays(-1));
        enrolment.Attributes.AnnualRevenue = double.PositiveInfinity;

        await RpcAssert.InvalidFieldAsync("enrolment.attributes.annual_revenue", () => fixture.Experiments.EnrolAccountAsync(new EnrolAccountRequest { Parent = experiment.Name, Enrolment = enrolment }));
    }

    [Theory]
    [InlineData(new string[0], "update_mask")]
    [InlineData(new[] { "state" }, "update_mask.paths")]
    [InlineData(new[] { "etag" }, "update_mask.paths")]
    public async Task UpdateExperiment_BadMask_InvalidArgument(string[] paths, string field)
    {
        var draft = await scenario.CreateDraftExperimentAsync();

        await RpcAssert.InvalidFieldAsync(field, () => fixture.Experiments.UpdateExperimentAsync(new UpdateExperimentRequest
        {
            Experiment = draft,
            UpdateMask = new FieldMask { Paths = { paths } },
        }));
    }
}
