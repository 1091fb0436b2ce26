using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Core.Analysis;

/// <summary>
/// The call on one variant, the primary-metric evidence it rests on (relative and absolute effect, adjusted p), the
/// guardrails harmed beyond tolerance, what is still needed when inconclusive, and one plain sentence saying why.
/// </summary>
public sealed record VariantDecision(
    string VariantKey,
    DecisionOutcome Outcome,
    Metric Metric,
    Effect? Relative,
    Effect? Absolute,
    double? AdjustedPValue,
    IReadOnlyList<Metric> HarmedGuardrails,
    long? AccountsStillNeeded,
    double? DaysStillNeeded,
    string Reason);
