using IcpExperiments.Core.Campaigns;

namespace IcpExperiments.Core.Outcomes;

/// <summary>
/// An outcome for an enrolled account. <see cref="EventId"/> (1–128 printable characters) is the client's idempotency
/// key, unique per experiment: the same id with the same content is a no-op, with other content it is rejected.
/// <see cref="Acv"/> is set exactly when converted. <see cref="CycleDays"/> is the CRM's own sales-cycle length, when it
/// has one (otherwise it is derived from the dates).
/// </summary>
public sealed record OutcomeEvent(
    string EventId,
    string AccountId,
    OutcomeKind Kind,
    DateTimeOffset OccurredAt,
    Money? Acv,
    double? CycleDays);
