using IcpExperiments.Core.Experiments;
using IcpExperiments.Statistics.Bayesian;
using IcpExperiments.Statistics.Common;
using IcpExperiments.Statistics.Proportions;
using IcpExperiments.Statistics.Sequential;

namespace IcpExperiments.Core.Analysis;

/// <summary>
/// Conversion within the window: pooled z-test or Fisher exact (fixed horizon), or the always-valid mSPRT with its
/// confidence sequence (sequential mode), with Wilson intervals per arm, Newcombe for the difference and the
/// log-risk-ratio lift; Beta–Binomial chance to beat control beside.
/// </summary>
internal static class ConversionAnalysis
{
    public static MetricComparison Compare(ArmData control, ArmData variant, AnalysisContext context)
    {
        if (control.Enrolled == 0 || variant.Enrolled == 0)
            return MetricComparison.NotComputable(Metric.Conversion, TwoProportionZTest.Method, NoAccounts(control, variant));

        long cs = control.Converted, cn = control.Enrolled, vs = variant.Converted, vn = variant.Enrolled;
        var controlEstimate = new ArmEstimate(control.ConversionRate, WilsonInterval.Compute(cs, cn, context.Alpha), cn);
        var variantEstimate = new ArmEstimate(variant.ConversionRate, WilsonInterval.Compute(vs, vn, context.Alpha), vn);
        var fixedTest = ConversionTest.Run(cs, cn, vs, vn, context.Alpha);
        var lift = RelativeLift.Compute(cs, cn, vs, vn, context.Alpha);
        var bayes = BetaBinomialComparison.Compare(cs, cn, vs, vn);
        double? chance = bayes.IsComputable ? bayes.ChanceToBeatControl : null;

        if (!fixedTest.IsComputable)
        {
            return MetricComparison.NotComputable(Metric.Conversion, fixedTest.Method, string.Join(" ", fixedTest.Notes))
                with { Control = controlEstimate, Variant = variantEstimate };
        }

        string reason = FirstNote(fixedTest);
        if (context.IsSequential)
        {
            var sequential = SequentialTest.Proportions(cs, cn, vs, vn, context.Sequential);
            reason = FixedFallback(sequential, reason);
            if (sequential.IsComputable)
            {
                var absolute = new Effect(sequential.Estimate, sequential.ConfidenceInterval);
                return new MetricComparison(
                    Metric.Conversion, controlEstimate, variantEstimate, absolute, RelativeEffects.Scale(absolute, control.ConversionRate),
                    sequential.PValue, null, sequential.Method,
                    "Sequential mode: always-valid p-value and confidence sequence, safe to read at any time; "
                    + "the relative interval is the sequence divided by control's rate.",
                    true, chance,
                    [SupplementaryTest.From(fixedTest, "Fixed-horizon test: valid only if read once, at the planned sample."),
                        SupplementaryTest.From(lift, "Fixed-horizon relative lift.")],
                    null);
            }
        }

        return new MetricComparison(
            Metric.Conversion, controlEstimate, variantEstimate,
            new Effect(fixedTest.Estimate, fixedTest.ConfidenceInterval),
            lift.IsComputable ? new Effect(lift.Estimate, lift.ConfidenceInterval) : null,
            fixedTest.PValue, null, fixedTest.Method, reason, false, chance, [], null);
    }

    internal static string NoAccounts(ArmData control, ArmData variant) =>
        $"No accounts enrolled in {(control.Enrolled == 0 ? control.Arm.Key : variant.Arm.Key)} yet.";

    /// <summary>The reason shown when sequential mode had to fall back to the fixed-horizon test.</summary>
    internal static string FixedFallback(TestResult sequential, string fixedReason) =>
        $"Always-valid test not computable ({string.Join(" ", sequential.Notes)}); fixed-horizon test shown, not valid under peeking. {fixedReason}";

    internal static string FirstNote(TestResult result) => result.Notes.Count > 0 ? result.Notes[0] : result.Method;
}
