using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Core.Analysis;

/// <summary>
/// One metric, one variant against control. Differences are variant − control (absolute in the metric's unit,
/// relative as a fraction of control). <see cref="PValue"/> is from <see cref="Test"/>; <see cref="AdjustedPValue"/>
/// is corrected across all variants × metrics. <see cref="SequentiallyValid"/> says whether p and interval stay valid
/// under continuous peeking. <see cref="ChanceToBeatControl"/> is the Bayesian P(variant better), reported beside the
/// test and never used instead of it. When <see cref="NotComputableReason"/> is set the numbers are null: no NaN
/// poses as a result.
/// </summary>
public sealed record MetricComparison(
    Metric Metric,
    ArmEstimate? Control,
    ArmEstimate? Variant,
    Effect? Absolute,
    Effect? Relative,
    double? PValue,
    double? AdjustedPValue,
    string Test,
    string TestReason,
    bool SequentiallyValid,
    double? ChanceToBeatControl,
    IReadOnlyList<SupplementaryTest> Supplementary,
    string? NotComputableReason)
{
    public bool IsComputable => NotComputableReason is null;

    public static MetricComparison NotComputable(Metric metric, string test, string reason) =>
        new(metric, null, null, null, null, null, null, test, reason, false, null, [], reason);
}
