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
        ArgumentNullException.ThrowIfNull(enrolment);
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
            .WriteList("tech_stack", Sorted(attributes.TechStack));
        var extra = attributes.Extra;
        if (extra.Count == 0) return writer.WriteList("extra.keys", []).WriteList("extra.values", []).Hash();
        var keys = Sorted([.. extra.Keys]);
        var values = new string[keys.Count];
        for (int i = 0; i < values.Length; i++) values[i] = extra[keys[i]];
        return writer.WriteList("extra.keys", keys).WriteList("extra.values", values).Hash();
    }

    /// <summary>Ordinal order (order-insensitive content); lists of zero or one item, the usual case, are used as they are.</summary>
    private static IReadOnlyList<string> Sorted(IReadOnlyList<string> items)
    {
        if (items.Count <= 1) return items;
        var sorted = items.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }
}
