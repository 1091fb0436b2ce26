namespace IcpExperiments.Core.Analysis;

/// <summary>
/// One enrolled account as storage reads it: when it was enrolled, its terminal outcome if any (kind, when, ACV of a
/// win in the snapshot's currency, the CRM's own cycle length when it gave one) and an optional pre-period covariate
/// (e.g. last year's pipeline) for variance reduction.
/// </summary>
public readonly record struct AccountObservation(
    DateTimeOffset EnrolledAt,
    Outcomes.OutcomeKind? Outcome = null,
    DateTimeOffset? OccurredAt = null,
    decimal? Acv = null,
    double? CycleDays = null,
    double? Covariate = null);
