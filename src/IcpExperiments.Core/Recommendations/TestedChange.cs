using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Profiles;

namespace IcpExperiments.Core.Recommendations;

/// <summary>
/// One test of a criterion change in one experiment: the relative effect on a metric with its interval at
/// <see cref="ConfidenceLevel"/>, the decision, and whether the variant changed other criteria too (joint).
/// </summary>
public sealed record TestedChange(
    string ExperimentId,
    string VariantKey,
    CriterionChange Change,
    Metric Metric,
    Effect Relative,
    double ConfidenceLevel,
    DecisionOutcome Decision,
    bool IsJoint);
