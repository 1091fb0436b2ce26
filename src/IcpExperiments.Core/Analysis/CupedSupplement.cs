using IcpExperiments.Statistics.VarianceReduction;

namespace IcpExperiments.Core.Analysis;

/// <summary>
/// Adds the CUPED (pre-period covariate) adjusted difference beside conversion and revenue per account when every
/// account in both arms has a covariate. Reported beside the default test, not instead: the covariate is optional
/// data whose quality the analysis cannot check, and the default must not change with it.
/// </summary>
internal static class CupedSupplement
{
    public static MetricComparison Add(MetricComparison comparison, ArmData control, ArmData variant, double[] controlOutcome, double[] variantOutcome, AnalysisContext context)
    {
        if (!comparison.IsComputable || !control.HasCovariate || !variant.HasCovariate) return comparison;
        var cuped = Cuped.Analyze(controlOutcome, control.Arm.Covariate, variantOutcome, variant.Arm.Covariate, context.ConfidenceLevel);
        string reduction = cuped.VarianceReduction is { } r ? $"variance reduced by {DecisionText.Percent(r)}" : "no variance reduction";
        var test = SupplementaryTest.From(cuped.Adjusted, $"CUPED with the pre-period covariate: {reduction}; fixed-horizon.");
        return comparison with { Supplementary = [.. comparison.Supplementary, test] };
    }
}
