using IcpExperiments.Core.Experiments;
using IcpExperiments.Statistics.Continuous;
using IcpExperiments.Statistics.Survival;

namespace IcpExperiments.Core.Analysis;

/// <summary>
/// Time to close-won: log-rank test on the censored times (open deals censored at as-of, lost deals at the loss),
/// Kaplan–Meier curves and medians per arm, and the effect as the difference in restricted mean days without a win
/// up to a common horizon (the window, or the shorter follow-up). Lower is better. Mann–Whitney on won deals' days
/// is reported beside. Not peeking-safe: there is no confidence sequence for survival curves here.
/// </summary>
internal static class CycleLengthAnalysis
{
    public const string Method = "Log-rank test (time to close-won, censored)";

    public static (MetricComparison Comparison, CycleLengthCurves? Curves) Compare(ArmData control, ArmData variant, AnalysisContext context)
    {
        if (control.Survival is not { } c || variant.Survival is not { } v)
            return (MetricComparison.NotComputable(Metric.CycleLength, Method, ConversionAnalysis.NoAccounts(control, variant)), null);
        if (control.Converted + variant.Converted == 0)
            return (MetricComparison.NotComputable(Metric.CycleLength, Method, "No deal won in either arm yet."), null);

        var logRank = LogRank.Test(c, v, context.ConfidenceLevel);
        var curves = new CycleLengthCurves(
            KaplanMeier.Estimate(c, context.ConfidenceLevel), KaplanMeier.Estimate(v, context.ConfidenceLevel), logRank, null);
        double horizon = Math.Min(context.Design.ObservationWindowDays, Math.Min(c.MaxTime, v.MaxTime));
        if (!logRank.Test.IsComputable)
            return (MetricComparison.NotComputable(Metric.CycleLength, Method, string.Join(" ", logRank.Test.Notes)), curves);
        if (!(horizon > 0))
            return (MetricComparison.NotComputable(Metric.CycleLength, Method, "No follow-up time yet in one arm."), curves);

        var rmst = RestrictedMeanSurvival.Compare(c, v, horizon, context.ConfidenceLevel);
        curves = curves with { RestrictedMean = rmst };
        if (!rmst.Difference.IsComputable)
            return (MetricComparison.NotComputable(Metric.CycleLength, Method, string.Join(" ", rmst.Difference.Notes)), curves);

        var supplementary = new List<SupplementaryTest>
        {
            SupplementaryTest.From(rmst.Difference, $"Restricted mean days without a win up to {horizon:0.#} days."),
            SupplementaryTest.From(logRank.Test with { Method = "Peto hazard ratio of winning (variant / control)" }, "Above 1: variant wins deals sooner."),
        };
        if (control.WonDays.Length > 0 && variant.WonDays.Length > 0)
        {
            supplementary.Add(SupplementaryTest.From(
                MannWhitneyUTest.Run(control.WonDays, variant.WonDays, alpha: context.Alpha), "Won deals only: ignores deals still open."));
        }

        var relative = RelativeEffects.LogRatio(
            rmst.Control.Estimate, Square(rmst.Control.StandardError), rmst.Variant.Estimate, Square(rmst.Variant.StandardError), context.Alpha);
        string reason = $"Default for censored times; effect = difference in restricted mean days without a win up to {horizon:0.#} days."
            + (context.IsSequential ? " Not valid under peeking: read it at the planned sample." : string.Empty);
        var comparison = new MetricComparison(
            Metric.CycleLength,
            new ArmEstimate(rmst.Control.Estimate, rmst.Control.ConfidenceInterval, c.Count),
            new ArmEstimate(rmst.Variant.Estimate, rmst.Variant.ConfidenceInterval, v.Count),
            new Effect(rmst.Difference.Estimate, rmst.Difference.ConfidenceInterval), relative,
            logRank.Test.PValue, null, Method, reason, false, null, supplementary, null);
        return (comparison, curves);
    }

    private static double Square(double x) => x * x;
}
