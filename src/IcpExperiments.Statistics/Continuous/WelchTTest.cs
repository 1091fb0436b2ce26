using IcpExperiments.Statistics.Common;
using IcpExperiments.Statistics.Distributions;

namespace IcpExperiments.Statistics.Continuous;

/// <summary>
/// Welch's unequal-variance t-test with Welch–Satterthwaite degrees of freedom and the matching interval for
/// mean(variant) − mean(control). Matches scipy.stats.ttest_ind(variant, control, equal_var=False) and R t.test.
/// </summary>
public static class WelchTTest
{
    public const string Method = "Welch two-sample t-test";

    /// <summary>From raw finite values; each arm non-empty; alpha in (0, 1).</summary>
    public static TestResult Run(ReadOnlySpan<double> control, ReadOnlySpan<double> variant, double alpha = 0.05) =>
        Run(SampleSummary.FromValues(control), SampleSummary.FromValues(variant), alpha);

    /// <summary>
    /// From per-arm summaries. Not computable when an arm has fewer than 2 values or both arms have zero variance.
    /// </summary>
    public static TestResult Run(SampleSummary control, SampleSummary variant, double alpha = 0.05)
    {
        Guard.Alpha(alpha);
        if (control.Count < 1 || variant.Count < 1) throw new ArgumentException("Both arms must be non-empty (use SampleSummary factories).");
        if (control.Count < 2 || variant.Count < 2) return TestResult.NotComputable(Method, "each arm needs at least 2 values to estimate its variance");
        double controlTerm = control.Variance / control.Count, variantTerm = variant.Variance / variant.Count;
        double varianceOfDifference = controlTerm + variantTerm;
        if (!(varianceOfDifference > 0)) return TestResult.NotComputable(Method, "zero variance in both arms");

        double standardError = Math.Sqrt(varianceOfDifference);
        double difference = variant.Mean - control.Mean;
        double t = difference / standardError;
        double df = varianceOfDifference * varianceOfDifference
            / (controlTerm * controlTerm / (control.Count - 1) + variantTerm * variantTerm / (variant.Count - 1));
        double margin = StudentT.UpperQuantile(alpha / 2, df) * standardError;
        return new TestResult(Method, t, StudentT.TwoSidedP(t, df), difference,
            new Interval(difference - margin, difference + margin), df, []);
    }
}
