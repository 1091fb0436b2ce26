using IcpExperiments.Core.Accounts;
using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Enrolments;
using IcpExperiments.Core.Outcomes;
using static IcpExperiments.Core.Tests.Samples;

namespace IcpExperiments.Core.Tests.Outcomes;

public sealed class ContentFingerprintTests
{
    public static TheoryData<string, OutcomeEvent> ChangedOutcomes()
    {
        var c = Converted();
        return new TheoryData<string, OutcomeEvent>
        {
            { "event id", c with { EventId = "out-0003" } },
            { "account id", c with { AccountId = "acc-2" } },
            { "kind", c with { Kind = OutcomeKind.Lost } },
            { "occurred at by one tick", c with { OccurredAt = c.OccurredAt.AddTicks(1) } },
            { "ACV amount", c with { Acv = new Money("EUR", 48_000.01m) } },
            { "ACV currency", c with { Acv = new Money("USD", 48_000m) } },
            { "ACV removed", c with { Acv = null } },
            { "cycle days", c with { CycleDays = 64.5 } },
            { "cycle days removed", c with { CycleDays = null } },
        };
    }

    public static TheoryData<string, Enrolment> ChangedEnrolments()
    {
        var e = Enrolment();
        var a = e.Account.Attributes;
        return new TheoryData<string, Enrolment>
        {
            { "experiment id", e with { ExperimentId = "exp-2" } },
            { "event id", e with { EventId = "enr-0002" } },
            { "account id", e with { Account = e.Account with { AccountId = "acc-2" } } },
            { "arm key", e with { ArmKey = "control" } },
            { "campaign id", e with { CampaignId = "cmp-2" } },
            { "campaign removed", e with { CampaignId = null } },
            { "enrolled at", e with { EnrolledAt = e.EnrolledAt.AddSeconds(1) } },
            { "industry", e with { Account = Account(a with { Industry = "saas" }) } },
            { "industry removed", e with { Account = Account(a with { Industry = null }) } },
            { "industry empty instead of missing", e with { Account = Account(a with { Industry = "" }) } },
            { "employee count", e with { Account = Account(a with { EmployeeCount = 251 }) } },
            { "region", e with { Account = Account(a with { Region = "EMEA" }) } },
            { "revenue", e with { Account = Account(a with { AnnualRevenue = 12_000_000.5 }) } },
            { "funding stage", e with { Account = Account(a with { FundingStage = "Series C" }) } },
            { "tech stack entry added", e with { Account = Account(a with { TechStack = ["Salesforce", "HubSpot", "Slack"] }) } },
            { "tech stack entry renamed", e with { Account = Account(a with { TechStack = ["Salesforce", "Hubspot"] }) } },
            { "extra value", e with { Account = Account(a with { Extra = new Dictionary<string, string>(a.Extra) { ["nps"] = "43" } }) } },
            { "extra key added", e with { Account = Account(a with { Extra = new Dictionary<string, string>(a.Extra) { ["tier"] = "1" } }) } },
            { "extra value moved to another key", e with { Account = Account(a with { Extra = new Dictionary<string, string> { ["uses_salesforce"] = "42.5", ["nps"] = "true", ["segment"] = "Mid-Market" } }) } },
        };
    }

    [Fact]
    public void Of_Outcome_IsLowerHexSha256()
    {
        var fingerprint = ContentFingerprint.Of(Converted());

        Assert.Matches("^[0-9a-f]{64}$", fingerprint);
    }

    [Fact]
    public void Of_SameOutcomeContent_SameFingerprint()
    {
        var copy = Converted() with { Acv = new Money(new string("EUR".ToCharArray()), 48_000m) };

        Assert.Equal(ContentFingerprint.Of(Converted()), ContentFingerprint.Of(copy));
    }

    [Fact]
    public void Of_SameInstantWithAnotherOffset_SameFingerprint()
    {
        var original = Converted();
        var shifted = original with { OccurredAt = original.OccurredAt.ToOffset(TimeSpan.FromHours(5.5)) };

        Assert.Equal(ContentFingerprint.Of(original), ContentFingerprint.Of(shifted));
    }

    [Fact]
    public void Of_AmountWithTrailingZeros_SameFingerprint()
    {
        var original = Converted() with { Acv = new Money("EUR", 1.5m) };
        var padded = Converted() with { Acv = new Money("EUR", 1.5000m) };

        Assert.Equal(ContentFingerprint.Of(original), ContentFingerprint.Of(padded));
    }

    [Fact]
    public void Of_KnownOutcome_MatchesPinnedValue()
    {
        // Pinned: stored fingerprints must not change between releases, or every retry would look like a conflict. The value is
        // SHA-256 of "schema=10:outcome.v1;event_id=2:e1;account_id=2:a1;kind=1:1;occurred_at=18:639029198450000000;
        // acv.currency_code=3:USD;acv.amount=4:1000;cycle_days=2:30;", computed independently with Python's hashlib.
        var outcome = new OutcomeEvent("e1", "a1", OutcomeKind.Converted, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), new Money("USD", 1000m), 30);

        Assert.Equal(PinnedOutcomeFingerprint, ContentFingerprint.Of(outcome));
    }

    [Theory]
    [MemberData(nameof(ChangedOutcomes))]
    public void Of_AnyOutcomeFieldChanged_DifferentFingerprint(string field, OutcomeEvent changed)
    {
        Assert.True(ContentFingerprint.Of(Converted()) != ContentFingerprint.Of(changed), field);
    }

    [Fact]
    public void Of_SameEnrolmentContent_SameFingerprint()
    {
        Assert.Equal(ContentFingerprint.Of(Enrolment()), ContentFingerprint.Of(Enrolment()));
    }

    [Fact]
    public void Of_TechStackAndExtraInAnotherOrder_SameFingerprint()
    {
        var original = Enrolment();
        var a = original.Account.Attributes;
        var reordered = original with
        {
            Account = Account(a with
            {
                TechStack = [.. a.TechStack.Reverse()],
                Extra = a.Extra.Reverse().ToDictionary(e => e.Key, e => e.Value),
            }),
        };

        Assert.Equal(ContentFingerprint.Of(original), ContentFingerprint.Of(reordered));
    }

    [Theory]
    [MemberData(nameof(ChangedEnrolments))]
    public void Of_AnyEnrolmentFieldChanged_DifferentFingerprint(string field, Enrolment changed)
    {
        Assert.True(ContentFingerprint.Of(Enrolment()) != ContentFingerprint.Of(changed), field);
    }

    [Fact]
    public void Of_ValueShiftedBetweenFields_DifferentFingerprint()
    {
        // Length prefixes keep "ab" + "c" apart from "a" + "bc".
        var first = Converted() with { EventId = "ab", AccountId = "c" };
        var second = Converted() with { EventId = "a", AccountId = "bc" };

        Assert.NotEqual(ContentFingerprint.Of(first), ContentFingerprint.Of(second));
    }

    [Fact]
    public void Of_KnownFullEnrolment_MatchesPinnedValue()
    {
        // Pinned like the outcome: SHA-256 of "schema=12:enrolment.v1;experiment_id=5:exp-1;event_id=5:enr-1;account_id=2:a1;
        // arm_key=7:control;campaign_id=5:cmp-9;enrolled_at=18:639029198450000000;industry=4:saas;employee_count=3:120;
        // region=4:emea;annual_revenue=9:2500000.5;funding_stage=8:series_a;tech_stack=1:3;tech_stack[0]=3:aws;
        // tech_stack[1]=7:hubspot;tech_stack[2]=10:salesforce;extra.keys=1:3;extra.keys[0]=3:nps;extra.keys[1]=7:segment;
        // extra.keys[2]=5:é-key;extra.values=1:3;extra.values[0]=2:42;extra.values[1]=10:Mid-Market;extra.values[2]=6:Zürich;"
        // (UTF-8), computed independently with Python's hashlib. Lists are sorted ordinally before writing.
        var attributes = new AccountAttributes("saas", 120, "emea", 2_500_000.5, "series_a", ["salesforce", "hubspot", "aws"],
            new Dictionary<string, string> { ["segment"] = "Mid-Market", ["nps"] = "42", ["é-key"] = "Zürich" });
        var enrolment = new Enrolment("exp-1", "enr-1", new Account("a1", attributes), "control", "cmp-9", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

        Assert.Equal("7aad346682def3b6fbefebc5892ddd96b7687a94d2f427175dac175b7e3415a0", ContentFingerprint.Of(enrolment));
    }

    [Fact]
    public void Of_KnownEmptyEnrolment_MatchesPinnedValue()
    {
        // SHA-256 of "schema=12:enrolment.v1;experiment_id=5:exp-2;event_id=5:enr-2;account_id=2:a2;arm_key=7:variant;
        // campaign_id=~;enrolled_at=18:639029198450000000;industry=~;employee_count=~;region=~;annual_revenue=~;
        // funding_stage=~;tech_stack=1:0;extra.keys=1:0;extra.values=1:0;", computed with Python's hashlib.
        var enrolment = new Enrolment("exp-2", "enr-2", new Account("a2", AccountAttributes.Empty), "variant", null, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

        Assert.Equal("7b60925f4c6a9c8ebbc1188ec0ea517799f1ffb962643ca5f9c3b821e2434531", ContentFingerprint.Of(enrolment));
    }

    private const string PinnedOutcomeFingerprint = "9802094bf716de9dba8d94d31886ab0b200511178de22641022e0f36c4bef8fa";
}
