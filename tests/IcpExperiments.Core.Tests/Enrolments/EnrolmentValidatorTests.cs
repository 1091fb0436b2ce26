using IcpExperiments.Core.Enrolments;
using static IcpExperiments.Core.Tests.Samples;

namespace IcpExperiments.Core.Tests.Enrolments;

public sealed class EnrolmentValidatorTests
{
    public static TheoryData<string, Enrolment, string> InvalidEnrolments()
    {
        var e = Enrolment();
        var a = Attributes();
        return new TheoryData<string, Enrolment, string>
        {
            { "experiment id invalid", e with { ExperimentId = "Exp 1" }, "enrolment.experiment_id" },
            { "event id missing", e with { EventId = "" }, "enrolment.event_id" },
            { "event id 129 characters", e with { EventId = new string('e', 129) }, "enrolment.event_id" },
            { "event id not ASCII", e with { EventId = "évènement-1" }, "enrolment.event_id" },
            { "event id with tab", e with { EventId = "a\tb" }, "enrolment.event_id" },
            { "account id blank", e with { Account = e.Account with { AccountId = "  " } }, "enrolment.account.account_id" },
            { "account id 129 characters", e with { Account = e.Account with { AccountId = new string('a', 129) } }, "enrolment.account.account_id" },
            { "account id with newline", e with { Account = e.Account with { AccountId = "acc\n1" } }, "enrolment.account.account_id" },
            { "arm key invalid", e with { ArmKey = "Variant A" }, "enrolment.arm_key" },
            { "campaign id invalid", e with { CampaignId = "" }, "enrolment.campaign_id" },
            { "enrolled at missing", e with { EnrolledAt = default }, "enrolment.enrolled_at" },
            { "enrolled before 2000", e with { EnrolledAt = new DateTimeOffset(1999, 12, 31, 23, 0, 0, TimeSpan.Zero) }, "enrolment.enrolled_at" },
            { "enrolled more than a day ahead", e with { EnrolledAt = Now.AddDays(1).AddSeconds(1) }, "enrolment.enrolled_at" },
            { "industry too long", e with { Account = Account(a with { Industry = new string('i', 201) }) }, "enrolment.account.attributes.industry" },
            { "region with control character", e with { Account = Account(a with { Region = "EU\u0000" }) }, "enrolment.account.attributes.region" },
            { "funding stage too long", e with { Account = Account(a with { FundingStage = new string('f', 201) }) }, "enrolment.account.attributes.funding_stage" },
            { "negative employees", e with { Account = Account(a with { EmployeeCount = -1 }) }, "enrolment.account.attributes.employee_count" },
            { "implausible employees", e with { Account = Account(a with { EmployeeCount = 10_000_001 }) }, "enrolment.account.attributes.employee_count" },
            { "negative revenue", e with { Account = Account(a with { AnnualRevenue = -5 }) }, "enrolment.account.attributes.annual_revenue" },
            { "NaN revenue", e with { Account = Account(a with { AnnualRevenue = double.NaN }) }, "enrolment.account.attributes.annual_revenue" },
            { "infinite revenue", e with { Account = Account(a with { AnnualRevenue = double.PositiveInfinity }) }, "enrolment.account.attributes.annual_revenue" },
            { "empty tech stack entry", e with { Account = Account(a with { TechStack = ["salesforce", " "] }) }, "enrolment.account.attributes.tech_stack[1]" },
            { "tech stack too long", e with { Account = Account(a with { TechStack = Enumerable.Range(0, 201).Select(i => $"t{i}").ToList() }) }, "enrolment.account.attributes.tech_stack" },
            { "extra key not lower_snake", e with { Account = Account(a with { Extra = new Dictionary<string, string> { ["Uses Salesforce"] = "true" } }) }, "enrolment.account.attributes.extra[Uses Salesforce]" },
            { "extra key shadows typed attribute", e with { Account = Account(a with { Extra = new Dictionary<string, string> { ["industry"] = "saas" } }) }, "enrolment.account.attributes.extra[industry]" },
            { "extra value too long", e with { Account = Account(a with { Extra = new Dictionary<string, string> { ["notes"] = new string('n', 1001) } }) }, "enrolment.account.attributes.extra[notes]" },
            { "too many extra attributes", e with { Account = Account(a with { Extra = Enumerable.Range(0, 101).ToDictionary(i => $"k{i}", i => "v") }) }, "enrolment.account.attributes.extra" },
        };
    }

    public static TheoryData<string, Enrolment> ValidEnrolments()
    {
        var e = Enrolment();
        return new TheoryData<string, Enrolment>
        {
            { "sample", e },
            { "no campaign", e with { CampaignId = null } },
            { "no attributes", e with { Account = Account(IcpExperiments.Core.Accounts.AccountAttributes.Empty) } },
            { "a day of clock skew", e with { EnrolledAt = Now.AddDays(1) } },
            { "printable event id with spaces and symbols", e with { EventId = "crm:deal/42 ~v2" } },
            { "unicode account id", e with { Account = e.Account with { AccountId = "Société-Générale-001" } } },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidEnrolments))]
    public void Validate_InvalidEnrolment_ReportsOneViolationAtPath(string scenario, Enrolment enrolment, string field)
    {
        var violations = EnrolmentValidator.Validate(enrolment, "enrolment", Now);

        Assert.True(violations.Count == 1 && violations[0].Field == field, $"{scenario}: expected {field}, got {string.Join("; ", violations)}");
    }

    [Theory]
    [MemberData(nameof(ValidEnrolments))]
    public void Validate_ValidEnrolment_HasNoViolation(string scenario, Enrolment enrolment)
    {
        var violations = EnrolmentValidator.Validate(enrolment, "enrolment", Now);

        Assert.True(violations.Count == 0, $"{scenario}: {string.Join("; ", violations)}");
    }

    [Fact]
    public void Validate_WithoutClock_DoesNotBoundTheFuture()
    {
        var enrolment = Enrolment() with { EnrolledAt = Now.AddYears(5) };

        Assert.Empty(EnrolmentValidator.Validate(enrolment, "enrolment"));
        Assert.Single(EnrolmentValidator.Validate(enrolment, "enrolment", Now));
    }
}
