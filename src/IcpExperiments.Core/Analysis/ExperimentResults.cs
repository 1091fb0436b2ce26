using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Core.Analysis;

/// <summary>Everything a dashboard shows for one experiment as of one instant (decisions come from <c>DecisionRules</c>).</summary>
public sealed record ExperimentResults(
    DateTimeOffset AsOf,
    AnalysisMode Mode,
    MultipleComparisonCorrection Correction,
    IReadOnlyList<ArmSummary> Arms,
    IReadOnlyList<VariantResults> Variants,
    SampleRatioResult SampleRatio,
    PowerStatus Power);
