using IcpExperiments.Core.Experiments;
using IcpExperiments.Statistics.Common;
using IcpExperiments.Statistics.Distributions;

namespace IcpExperiments.Core.Analysis;

/// <summary>
/// CAC = spend / conversions per arm. Spend is known exactly; conversions are binomial, so by the delta method
/// Var(log CAC) ≈ (1 − p) / conversions. The test is a Wald z on the log CAC ratio; the absolute interval uses
/// Var(CAC) ≈ CAC² (1 − p) / conversions. Lower is better. Not peeking-safe (no confidence sequence for ratios here).
/// </summary>
internal static class CacAnalysis
{
    public const string Method = "Delta method on the log CAC ratio (spend fixed, conversions binomial)";

    public static MetricComparison Compare(ArmData control, ArmData variant, AnalysisContext context)
    {
        if (control.Enrolled == 0 || variant.Enrolled == 0)
            return MetricComparison.NotComputable(Metric.Cac, Method, ConversionAnalysis.NoAccounts(control, variant));
        foreach (var arm in new[] { control, variant })
        {
            if (arm.Arm.Spend <= 0) return MetricComparison.NotComputable(Metric.Cac, Method, $"No campaign spend recorded for {arm.Arm.Key}.");
            if (arm.Converted == 0) return MetricComparison.NotComputable(Metric.Cac, Method, $"No conversions in {arm.Arm.Key} yet: CAC undefined.");
        }

        var (cCac, cLogVar) = Arm(control);
        var (vCac, vLogVar) = Arm(variant);
        double z = Normal.UpperQuantile(context.Alpha / 2);
        double logRatio = Math.Log(vCac / cCac), logSe = Math.Sqrt(cLogVar + vLogVar);
        double difference = vCac - cCac, differenceSe = Math.Sqrt(cCac * cCac * cLogVar + vCac * vCac * vLogVar);
        var relative = logSe > 0
            ? new Effect(Math.Exp(logRatio) - 1, new Interval(Math.Exp(logRatio - z * logSe) - 1, Math.Exp(logRatio + z * logSe) - 1))
            : null;
        if (relative is null)
            return MetricComparison.NotComputable(Metric.Cac, Method, "Every account converted in both arms: CAC has no sampling variance.");

        double statistic = logRatio / logSe;
        string reason = "Spend per conversion; the interval reflects uncertainty in conversions."
            + (context.IsSequential ? " Not valid under peeking: read it at the planned sample." : string.Empty);
        return new MetricComparison(
            Metric.Cac, Estimate(cCac, cLogVar, control.Converted, z), Estimate(vCac, vLogVar, variant.Converted, z),
            new Effect(difference, new Interval(difference - z * differenceSe, difference + z * differenceSe)), relative,
            Normal.TwoSidedP(statistic), null, Method, reason, false, null, [], null);
    }

    private static (double Cac, double LogVariance) Arm(ArmData arm) =>
        ((double)arm.Arm.Spend / arm.Converted, (1 - arm.ConversionRate) / arm.Converted);

    private static ArmEstimate Estimate(double cac, double logVariance, long conversions, double z)
    {
        double margin = z * Math.Sqrt(logVariance);
        return new ArmEstimate(cac, new Interval(cac * Math.Exp(-margin), cac * Math.Exp(margin)), conversions);
    }
}
