namespace IcpExperiments.Core.Recommendations;

/// <summary>
/// The record of an experiment's recommendation applied as a new profile version: which version it created from which
/// control, who applied it and when, and the evidence per changed criterion (intervals at <see cref="ConfidenceLevel"/>). One per team and experiment, stored in the
/// same transaction as the version, so it is both the idempotency key of the apply and the audit entry of the change.
/// </summary>
public sealed record AppliedRecommendation(
    string ExperimentId,
    string ProfileId,
    int ControlVersion,
    int VersionNumber,
    string AppliedBy,
    DateTimeOffset AppliedAt,
    double ConfidenceLevel,
    IReadOnlyList<Provenance> Provenance);
