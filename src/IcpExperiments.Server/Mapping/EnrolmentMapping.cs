using IcpExperiments.Core.Accounts;
using IcpExperiments.Core.Enrolments;
using IcpExperiments.Server.Validation;
using V1 = IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Mapping;

/// <summary>Enrolments between the contract and the domain.</summary>
public static class EnrolmentMapping
{
    public static Enrolment ToDomain(string experimentId, V1.Enrolment enrolment, string field, RequestValidation validation)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        validation.Required(enrolment.EventId, $"{field}.event_id");
        validation.Required(enrolment.AccountId, $"{field}.account_id");
        validation.Required(enrolment.ArmKey, $"{field}.arm_key");
        var attributes = AccountMapping.ToDomain(enrolment.Attributes, $"{field}.attributes", validation);
        var enrolledAt = CommonMapping.ToInstant(enrolment.EnrolTime, $"{field}.enrol_time", validation);
        return new Enrolment(
            experimentId,
            enrolment.EventId,
            new Account(enrolment.AccountId, attributes),
            enrolment.ArmKey,
            enrolment.CampaignId.Length == 0 ? null : enrolment.CampaignId,
            enrolledAt);
    }

    public static V1.Enrolment ToProto(Enrolment enrolment) => new()
    {
        Name = ResourceNames.OfEnrolment(enrolment.ExperimentId, enrolment.Account.AccountId),
        AccountId = enrolment.Account.AccountId,
        ArmKey = enrolment.ArmKey,
        CampaignId = enrolment.CampaignId ?? string.Empty,
        Attributes = AccountMapping.ToProto(enrolment.Account.Attributes),
        EnrolTime = CommonMapping.ToProto(enrolment.EnrolledAt),
        EventId = enrolment.EventId,
    };
}
