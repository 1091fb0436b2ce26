using IcpExperiments.Core.Enrolments;

namespace IcpExperiments.Core.Outcomes;

/// <summary>
/// A stable fingerprint of an event's content (canonical serialization, hashed), stored beside the event id so a retry
/// can be recognised as the same content (Duplicate) or different content (ALREADY_EXISTS) without comparing fields.
/// Lower-case hex SHA-256 (64 characters). Instants count as the same content when they are the same moment (UTC
/// ticks); the tech stack and extra attributes are order-insensitive; amounts ignore trailing zeros. Changing what is
/// written here changes stored fingerprints: bump the schema name and keep the old one readable if that ever happens.
/// </summary>
public static class ContentFingerprint
{
    public static string Of(OutcomeEvent outcome) =>
        new CanonicalWriter("outcome.v1")
            .Write("event_id", outcome.EventId)
            .Write("account_id", outcome.AccountId)
            .Write("kind", (long)outcome.Kind)
            .Write("occurred_at", outcome.OccurredAt)
            .Write("acv.currency_code", outcome.Acv?.CurrencyCode)
            .Write("acv.amount", outcome.Acv?.Amount)
            .Write("cycle_days", outcome.CycleDays)
            .Hash();

    public static string Of(Enrolment enrolment)
    {
        var attributes = enrolment.Account.Attributes;
        var writer = new CanonicalWriter("enrolment.v1")
            .Write("experiment_id", enrolment.ExperimentId)
            .Write("event_id", enrolment.EventId)
            .Write("account_id", enrolment.Account.AccountId)
            .Write("arm_key", enrolment.ArmKey)
            .Write("campaign_id", enrolment.CampaignId)
            .Write("enrolled_at", enrolment.EnrolledAt)
            .Write("industry", attributes.Industry)
            .Write("employee_count", attributes.EmployeeCount)
            .Write("region", attributes.Region)
            .Write("annual_revenue", attributes.AnnualRevenue)
            .Write("funding_stage", attributes.FundingStage)
            .WriteList("tech_stack", attributes.TechStack.Order(StringComparer.Ordinal));
        var extra = attributes.Extra.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        writer.WriteList("extra.keys", extra.Select(e => e.Key));
        writer.WriteList("extra.values", extra.Select(e => e.Value));
        return writer.Hash();
    }
}
