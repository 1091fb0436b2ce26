using IcpExperiments.Core.Analysis;

namespace IcpExperiments.Core.Recommendations;

/// <summary>Calls for every criterion one variant changed; a joint call with a split follow-up when it changed more than one.</summary>
public sealed record VariantRecommendation(
    string VariantKey,
    DecisionOutcome Decision,
    IReadOnlyList<CriterionRecommendation> Criteria,
    bool IsJoint,
    FollowUpExperiment? FollowUp,
    string Summary);
