using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Profiles;

namespace IcpExperiments.Core.Recommendations;

/// <summary>Why a criterion in a proposed version changed: the experiment, variant, call, metric, effect and interval behind it.</summary>
public sealed record Provenance(
    string ExperimentId,
    string VariantKey,
    CriterionChange Change,
    CriterionCall Call,
    Metric Metric,
    Effect? Relative,
    Effect? Absolute,
    double? AdjustedPValue,
    bool IsJoint);
