using IcpExperiments.Core.Accounts;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Errors;

namespace IcpExperiments.Core.Enrolments;

/// <summary>Field rules of an enrolment (ids, arm key, attributes ranges, dates).</summary>
public static class EnrolmentValidator
{
    /// <summary>All rules except "not in the future", which needs the clock: prefer the overload with <c>now</c>.</summary>
    public static IReadOnlyList<FieldViolation> Validate(Enrolment enrolment, string prefix) => Validate(enrolment, prefix, null);

    /// <summary>All rules; <paramref name="now"/> bounds <c>enrolled_at</c> (at most a day of clock skew ahead).</summary>
    public static IReadOnlyList<FieldViolation> Validate(Enrolment enrolment, string prefix, DateTimeOffset? now)
    {
        var violations = new List<FieldViolation>();
        violations.AddRange(ResourceIds.Validate(enrolment.ExperimentId, $"{prefix}.experiment_id"));
        violations.AddRange(ExternalIds.ValidateEventId(enrolment.EventId, $"{prefix}.event_id"));
        violations.AddRange(ExternalIds.ValidateAccountId(enrolment.Account.AccountId, $"{prefix}.account.account_id"));
        violations.AddRange(AccountAttributesValidator.Validate(enrolment.Account.Attributes, $"{prefix}.account.attributes"));
        violations.AddRange(ResourceIds.Validate(enrolment.ArmKey, $"{prefix}.arm_key"));
        if (enrolment.CampaignId is not null) violations.AddRange(ResourceIds.Validate(enrolment.CampaignId, $"{prefix}.campaign_id"));
        violations.AddRange(InstantRules.Validate(enrolment.EnrolledAt, $"{prefix}.enrolled_at", now));
        return violations;
    }
}
