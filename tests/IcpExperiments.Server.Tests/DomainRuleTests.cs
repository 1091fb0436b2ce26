using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests;

/// <summary>Rules the domain enforces reach the client with the request's own field paths and stable reasons.</summary>
[Collection(SharedServer.Name)]
public sealed class DomainRuleTests(ServerFixture fixture)
{
    private readonly Scenario scenario = new(fixture);

    public static TheoryData<string> EnrolmentCases => new(EnrolmentBreaks.Keys);

    private static readonly Dictionary<string, (Action<Enrolment> Break, string Field)> EnrolmentBreaks = new()
    {
        ["account id too long"] = (e => e.AccountId = new string('a', 129), "enrolment.account_id"),
        ["extra key not lower_snake"] = (e => e.Attributes.Extra["Bad Key"] = "x", "enrolment.attributes.extra[Bad Key]"),
        ["enrolled in the future"] = (e => e.EnrolTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(2)), "enrolment.enrol_time"),
        ["negative employee count"] = (e => e.Attributes.EmployeeCount = -3, "enrolment.attributes.employee_count"),
        ["arm key malformed"] = (e => e.ArmKey = "Not A Key", "enrolment.arm_key"),
    };

    [Theory]
    [MemberData(nameof(EnrolmentCases))]
    public async Task EnrolAccount_DomainRuleBroken_InvalidArgumentWithContractPath(string caseName)
    {
        var experiment = await scenario.CreateRunningExperimentAsync();
        var enrolment = Requests.Enrolment("acct-rule", "control", DateTimeOffset.UtcNow.AddDays(-1));
        var (breakRule, field) = EnrolmentBreaks[caseName];
        breakRule(enrolment);

        await RpcAssert.InvalidFieldAsync(field, () => fixture.Experiments.EnrolAccountAsync(new EnrolAccountRequest { Parent = experiment.Name, Enrolment = enrolment }));
    }

    [Theory]
    [InlineData(true, "outcome.converted.convert_time")]
    [InlineData(false, "outcome.lost.lose_time")]
    public async Task RecordOutcome_InTheFuture_InvalidArgumentOnTheOneofMembersTime(bool converted, string field)
    {
        var experiment = await scenario.CreateRunningExperimentAsync();
        await scenario.EnrolAsync(experiment, "acct-future", "control");
        var future = DateTimeOffset.UtcNow.AddDays(3);
        var outcome = converted ? Requests.Converted("acct-future", future, 1000) : Requests.Lost("acct-future", future);

        await RpcAssert.InvalidFieldAsync(field, () => fixture.Outcomes.RecordOutcomeAsync(new RecordOutcomeRequest { Parent = experiment.Name, Outcome = outcome }));
    }

    [Fact]
    public async Task RecordOutcome_NegativeAcv_InvalidArgumentOnAcv()
    {
        var experiment = await scenario.CreateRunningExperimentAsync();
        await scenario.EnrolAsync(experiment, "acct-neg", "control");
        var outcome = Requests.Converted("acct-neg", DateTimeOffset.UtcNow.AddDays(-1), -10);

        await RpcAssert.InvalidFieldAsync("outcome.converted.acv", () => fixture.Outcomes.RecordOutcomeAsync(new RecordOutcomeRequest { Parent = experiment.Name, Outcome = outcome }));
    }

    public static TheoryData<string> VersionCases => new(VersionBreaks.Keys);

    private static readonly Dictionary<string, (Action<ProfileVersion> Break, string Field)> VersionBreaks = new()
    {
        ["categorical without values"] = (v => v.Criteria[0].Categorical.Values.Clear(), "version.criteria[0].categorical.values"),
        ["range max below min"] = (v => v.Criteria[1].NumericRange = new NumericRangePredicate { Min = 500, Max = 100 }, "version.criteria[1].numeric_range.max"),
        ["range on a text attribute"] = (v => v.Criteria[0].NumericRange = new NumericRangePredicate { Min = 1 }, "version.criteria[0]"),
        ["two criteria on one attribute"] = (v => v.Criteria[1].Attribute = "industry", "version.criteria[1].attribute"),
        ["goals too long"] = (v => v.Narrative.Goals = new string('g', 10_001), "version.narrative.goals"),
        ["good tier range without ends"] = (v => v.FitTiers.Good.Add(new Criterion { Attribute = "employee_count", NumericRange = new NumericRangePredicate() }), "version.fit_tiers.good[0]"),
    };

    [Theory]
    [MemberData(nameof(VersionCases))]
    public async Task CreateProfileVersion_DomainRuleBroken_InvalidArgumentWithContractPath(string caseName)
    {
        var profileId = await scenario.CreateProfileWithTwoVersionsAsync();
        var version = Requests.Version(100);
        var (breakRule, field) = VersionBreaks[caseName];
        breakRule(version);

        await RpcAssert.InvalidFieldAsync(field, () => fixture.Profiles.CreateProfileVersionAsync(new CreateProfileVersionRequest { Parent = $"profiles/{profileId}", Version = version }));
    }

    [Theory]
    [InlineData("usd", 10, "campaign.spend.currency_code")]
    [InlineData("USD", -10, "campaign.spend")]
    public async Task CreateCampaign_BadSpend_InvalidArgumentWithContractPath(string currency, long units, string field)
    {
        var experiment = await scenario.CreateDraftExperimentAsync();
        var campaign = Requests.Campaign("control");
        campaign.Spend = new Google.Type.Money { CurrencyCode = currency, Units = units };

        await RpcAssert.InvalidFieldAsync(field, () => fixture.Experiments.CreateCampaignAsync(new CreateCampaignRequest { Parent = experiment.Name, Campaign = campaign }));
    }

    [Fact]
    public async Task RecordOutcome_AccountNotEnrolled_FailedPrecondition()
    {
        var experiment = await scenario.CreateRunningExperimentAsync();

        var status = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => fixture.Outcomes.RecordOutcomeAsync(new RecordOutcomeRequest
        {
            Parent = experiment.Name,
            Outcome = Requests.Lost("stranger", DateTimeOffset.UtcNow.AddDays(-1)),
        }));

        Assert.Equal("ACCOUNT_NOT_ENROLLED", RpcAssert.Reason(status));
    }

    [Fact]
    public async Task CreateCampaign_MalformedCampaignId_InvalidArgumentOnCampaignId()
    {
        var experiment = await scenario.CreateDraftExperimentAsync();

        await RpcAssert.InvalidFieldAsync("campaign_id", () => fixture.Experiments.CreateCampaignAsync(new CreateCampaignRequest
        {
            Parent = experiment.Name,
            CampaignId = "Bad_Id",
            Campaign = Requests.Campaign("control"),
        }));
    }

    [Fact]
    public async Task ImportOutcomes_RowsBreakingDomainRules_RejectedWithReasonAndRowField()
    {
        var experiment = await scenario.CreateRunningExperimentAsync();
        var at = DateTimeOffset.UtcNow.AddDays(-4);
        var request = new ImportOutcomesRequest
        {
            BatchId = "rules",
            Parent = experiment.Name,
            Rows =
            {
                new ImportRow { Outcome = Requests.Lost("never-enrolled", at) },
                new ImportRow { Enrolment = Requests.Enrolment("acct-ok", "control", at) },
                new ImportRow { Outcome = Requests.Lost("acct-ok", DateTimeOffset.UtcNow.AddDays(5)) },
                new ImportRow { Outcome = Requests.Converted("acct-ok", at.AddDays(1), 5000) },
            },
        };

        using var import = fixture.Outcomes.ImportOutcomes();
        await import.RequestStream.WriteAsync(request);
        await import.RequestStream.CompleteAsync();
        Assert.True(await import.ResponseStream.MoveNext(CancellationToken.None));
        var ack = import.ResponseStream.Current;

        Assert.Equal(2, ack.AcceptedCount);
        Assert.Equal(
            [(0, "ACCOUNT_NOT_ENROLLED", "outcome.account_id"), (2, "INVALID_ROW", "outcome.lost.lose_time")],
            ack.RejectedRows.Select(r => (r.Index, r.Reason, r.Field)));
    }
}
