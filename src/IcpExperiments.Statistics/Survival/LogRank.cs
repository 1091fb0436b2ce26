using IcpExperiments.Statistics.Common;
using IcpExperiments.Statistics.Distributions;

namespace IcpExperiments.Statistics.Survival;

/// <summary>
/// Two-sample log-rank test (Mantel–Haenszel weights, no ρ weighting). Matches R survival::survdiff(rho = 0):
/// χ² = (O − E)² / V with the hypergeometric variance, ties handled exactly at each distinct time.
/// The estimate beside it is Peto's one-step hazard ratio exp((O_v − E_v) / V) with interval exp(… ± z / √V),
/// good for hazard ratios near 1. O(n) after the per-arm sort done by <see cref="SurvivalSample"/>.
/// </summary>
public static class LogRank
{
    private const string MethodName = "Log-rank test (survdiff, rho = 0)";

    /// <summary>Tests raw (time, event) arrays of control and variant; see <see cref="SurvivalSample"/> for the input rules.</summary>
    public static LogRankResult Test(
        ReadOnlySpan<double> controlTimes,
        ReadOnlySpan<bool> controlEvents,
        ReadOnlySpan<double> variantTimes,
        ReadOnlySpan<bool> variantEvents,
        double confidenceLevel = 0.95) =>
        Test(SurvivalSample.Create(controlTimes, controlEvents), SurvivalSample.Create(variantTimes, variantEvents), confidenceLevel);

    /// <summary>
    /// Tests two sorted samples. Without any event, or with zero variance (e.g. a single account at risk at every
    /// event time), the test is returned as not computable with the reason in its notes.
    /// </summary>
    public static LogRankResult Test(SurvivalSample control, SurvivalSample variant, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(variant);
        Guard.Alpha(confidenceLevel, nameof(confidenceLevel));

        var (expectedControl, variance) = Accumulate(control, variant);
        double observedControl = control.EventCount, observedVariant = variant.EventCount;
        double totalEvents = observedControl + observedVariant;
        double expectedVariant = totalEvents - expectedControl;
        if (totalEvents == 0)
            return NotComputable("No events in either arm: the log-rank test needs at least one event.");
        if (!(variance > 0))
            return NotComputable("Zero variance of O − E: no event time has accounts at risk in both arms.");

        double difference = observedVariant - expectedVariant;
        double chiSquare = difference * difference / variance;
        double logHazardRatio = difference / variance;
        double spread = Normal.UpperQuantile((1 - confidenceLevel) / 2) / Math.Sqrt(variance);
        var test = new TestResult(
            MethodName,
            chiSquare,
            ChiSquared.Sf(chiSquare, 1),
            Math.Exp(logHazardRatio),
            new Interval(Math.Exp(logHazardRatio - spread), Math.Exp(logHazardRatio + spread)),
            1,
            ["Estimate: Peto hazard ratio variant vs control, exp((O - E) / V); reliable near 1."]);
        return new LogRankResult(test, observedControl, expectedControl, observedVariant, expectedVariant, variance);

        LogRankResult NotComputable(string reason) =>
            new(TestResult.NotComputable(MethodName, reason), observedControl, expectedControl, observedVariant, expectedVariant, variance);
    }

    /// <summary>Merge walk over the distinct event times of both arms: E for control and the variance of O − E.</summary>
    private static (double ExpectedControl, double Variance) Accumulate(SurvivalSample control, SurvivalSample variant)
    {
        var a = new SurvivalSample.RiskCursor(control);
        var b = new SurvivalSample.RiskCursor(variant);
        double expected = 0, variance = 0;
        while (true)
        {
            bool hasA = a.TryPeekEventTime(out double ta), hasB = b.TryPeekEventTime(out double tb);
            if (!hasA && !hasB) break;
            double t = !hasB || (hasA && ta < tb) ? ta : tb;
            double nA = a.AtRisk(t), nB = b.AtRisk(t);
            double d = a.TakeEventsAt(t) + b.TakeEventsAt(t);
            double n = nA + nB;
            expected += d * nA / n;
            if (n > 1) variance += d * (nA / n) * (nB / n) * (n - d) / (n - 1);
        }

        return (expected, variance);
    }
}
