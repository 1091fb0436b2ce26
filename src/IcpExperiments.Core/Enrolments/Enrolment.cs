using IcpExperiments.Core.Accounts;

namespace IcpExperiments.Core.Enrolments;

/// <summary>
/// An account targeted by one arm of an experiment, with its attributes as they were then. An account is enrolled at
/// most once per experiment (a second arm would contaminate the comparison). <see cref="EventId"/> is the client's
/// idempotency key.
/// </summary>
public sealed record Enrolment(
    string ExperimentId,
    string EventId,
    Account Account,
    string ArmKey,
    string? CampaignId,
    DateTimeOffset EnrolledAt);
