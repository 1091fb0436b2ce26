using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Outcomes;
using static IcpExperiments.Core.Tests.Samples;

namespace IcpExperiments.Core.Tests.Outcomes;

public sealed class OutcomeValidatorTests
{
    public static TheoryData<string, OutcomeEvent, string> InvalidOutcomes()
    {
        var c = Converted();
        return new TheoryData<string, OutcomeEvent, string>
        {
            { "event id missing", c with { EventId = "" }, "outcome.event_id" },
            { "event id too long", c with { EventId = new string('e', 129) }, "outcome.event_id" },
            { "event id with control character", c with { EventId = "e\u007f" }, "outcome.event_id" },
            { "account id missing", c with { AccountId = "" }, "outcome.account_id" },
            { "account id too long", c with { AccountId = new string('a', 129) }, "outcome.account_id" },
            { "kind undefined", c with { Kind = 0, Acv = null }, "outcome.kind" },
            { "occurred at missing", c with { OccurredAt = default }, "outcome.occurred_at" },
            { "occurred before 2000", c with { OccurredAt = new DateTimeOffset(1999, 1, 1, 0, 0, 0, TimeSpan.Zero) }, "outcome.occurred_at" },
            { "occurred more than a day ahead", c with { OccurredAt = Now.AddHours(25) }, "outcome.occurred_at" },
            { "conversion without ACV", c with { Acv = null }, "outcome.acv" },
            { "loss with ACV", Lost() with { Acv = new Money("USD", 0) }, "outcome.acv" },
            { "ACV currency not ISO shaped", c with { Acv = new Money("Euro", 10) }, "outcome.acv.currency_code" },
            { "ACV negative", c with { Acv = new Money("EUR", -1) }, "outcome.acv.amount" },
            { "ACV above 1e12", c with { Acv = new Money("EUR", 2_000_000_000_000m) }, "outcome.acv.amount" },
            { "ACV 5 decimals", c with { Acv = new Money("EUR", 0.00001m) }, "outcome.acv.amount" },
            { "cycle days negative", c with { CycleDays = -1 }, "outcome.cycle_days" },
            { "cycle days above 3650", c with { CycleDays = 3650.5 }, "outcome.cycle_days" },
            { "cycle days NaN", c with { CycleDays = double.NaN }, "outcome.cycle_days" },
            { "cycle days infinite", c with { CycleDays = double.PositiveInfinity }, "outcome.cycle_days" },
        };
    }

    public static TheoryData<string, OutcomeEvent> ValidOutcomes()
    {
        var c = Converted();
        return new TheoryData<string, OutcomeEvent>
        {
            { "conversion", c },
            { "loss", Lost() },
            { "zero ACV", c with { Acv = new Money("USD", 0) } },
            { "no cycle days", c with { CycleDays = null } },
            { "cycle days bounds", c with { CycleDays = 0 } },
            { "cycle days max", c with { CycleDays = 3650 } },
            { "a day of clock skew", c with { OccurredAt = Now.AddDays(1) } },
            { "another offset", c with { OccurredAt = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(-7)) } },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidOutcomes))]
    public void Validate_InvalidOutcome_ReportsOneViolationAtPath(string scenario, OutcomeEvent outcome, string field)
    {
        var violations = OutcomeValidator.Validate(outcome, "outcome", Now);

        Assert.True(violations.Count == 1 && violations[0].Field == field, $"{scenario}: expected {field}, got {string.Join("; ", violations)}");
    }

    [Theory]
    [MemberData(nameof(ValidOutcomes))]
    public void Validate_ValidOutcome_HasNoViolation(string scenario, OutcomeEvent outcome)
    {
        var violations = OutcomeValidator.Validate(outcome, "outcome", Now);

        Assert.True(violations.Count == 0, $"{scenario}: {string.Join("; ", violations)}");
    }
}
