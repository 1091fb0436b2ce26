using IcpExperiments.Statistics.Common;
using IcpExperiments.Statistics.Distributions;

namespace IcpExperiments.Statistics.Proportions;

/// <summary>
/// Relative lift p_variant / p_control − 1 with a delta-method interval built on the log risk ratio
/// (Var ln RR ≈ 1/x₁ − 1/n₁ + 1/x₂ − 1/n₂) and mapped back, so the interval respects lift &gt; −1 and is not
/// symmetric where the ratio is skewed. Matches statsmodels <c>confint_proportions_2indep(method="log", compare="ratio")</c> − 1.
/// </summary>
public static class RelativeLift
{
    public const string Method = "Relative lift (delta method on log risk ratio)";

    /// <summary>
    /// Estimate = relative lift, interval at 1 − alpha; Statistic/PValue = Wald z for ln RR = 0.
    /// Not computable when either arm has zero conversions (the log ratio is unbounded).
    /// </summary>
    public static TestResult Compute(long controlSuccesses, long controlTrials, long variantSuccesses, long variantTrials, double alpha = 0.05)
    {
        var table = new ConversionTable(controlSuccesses, controlTrials, variantSuccesses, variantTrials);
        Guard.Alpha(alpha);
        if (table.ControlSuccesses == 0) return TestResult.NotComputable(Method, "control has no conversions: relative lift undefined");
        if (table.VariantSuccesses == 0) return TestResult.NotComputable(Method, "variant has no conversions: log risk ratio unbounded");

        double logRatio = Math.Log(table.VariantRate / table.ControlRate);
        double variance = 1.0 / table.ControlSuccesses - 1.0 / table.ControlTrials + 1.0 / table.VariantSuccesses - 1.0 / table.VariantTrials;
        if (!(variance > 0)) return TestResult.NotComputable(Method, "every account converted in both arms: no variance");
        double standardError = Math.Sqrt(variance);
        double z = Normal.UpperQuantile(alpha / 2);
        var interval = new Interval(AccurateMath.ExpM1(logRatio - z * standardError), AccurateMath.ExpM1(logRatio + z * standardError));
        double statistic = logRatio / standardError;
        return new TestResult(Method, statistic, Normal.TwoSidedP(statistic), AccurateMath.ExpM1(logRatio), interval, null, []);
    }
}
