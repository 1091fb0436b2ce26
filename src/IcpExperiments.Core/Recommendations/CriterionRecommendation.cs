using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Profiles;

namespace IcpExperiments.Core.Recommendations;

/// <summary>
/// The call on one changed criterion and the evidence it rests on: the variant's decision on the primary metric with
/// its effect, interval and adjusted p. <see cref="Chosen"/> is the definition to use (null: no criterion on the
/// attribute). <see cref="IsJoint"/> when the variant changed several criteria, so the effect belongs to all of them together.
/// </summary>
public sealed record CriterionRecommendation(
    string VariantKey,
    CriterionChange Change,
    CriterionCall Call,
    Criterion? Chosen,
    DecisionOutcome Decision,
    Metric Metric,
    Effect? Relative,
    Effect? Absolute,
    double? AdjustedPValue,
    long? AccountsStillNeeded,
    bool IsJoint,
    string Reason)
{
    public string Attribute => Change.Attribute;
}
