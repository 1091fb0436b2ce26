using IcpExperiments.Core.Application;
using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Errors;

namespace IcpExperiments.Core.Outcomes;

/// <summary>Field rules of an outcome event (ids, kind, ACV exactly when converted and ≥ 0, dates, cycle days).</summary>
public static class OutcomeValidator
{
    public const double MaxCycleDays = 3650;

    public static IReadOnlyList<FieldViolation> Validate(OutcomeEvent outcome, string prefix, DateTimeOffset now)
    {
        var violations = new List<FieldViolation>();
        violations.AddRange(ExternalIds.ValidateEventId(outcome.EventId, $"{prefix}.event_id"));
        violations.AddRange(ExternalIds.ValidateAccountId(outcome.AccountId, $"{prefix}.account_id"));
        if (!Enum.IsDefined(outcome.Kind))
            violations.Add(new FieldViolation($"{prefix}.kind", "must be CONVERTED or LOST."));
        violations.AddRange(InstantRules.Validate(outcome.OccurredAt, $"{prefix}.occurred_at", now));
        if (outcome is { Kind: OutcomeKind.Converted, Acv: null })
            violations.Add(new FieldViolation($"{prefix}.acv", "is required for a conversion."));
        else if (outcome is { Kind: not OutcomeKind.Converted, Acv: not null })
            violations.Add(new FieldViolation($"{prefix}.acv", "must be set only for a conversion."));
        else if (outcome.Acv is { } acv)
            violations.AddRange(MoneyRules.Validate(acv, $"{prefix}.acv"));
        if (outcome.CycleDays is { } days && !(days >= 0 && days <= MaxCycleDays))
            violations.Add(new FieldViolation($"{prefix}.cycle_days", $"must be a finite number of days between 0 and {MaxCycleDays} (got {days})."));
        return violations;
    }
}
