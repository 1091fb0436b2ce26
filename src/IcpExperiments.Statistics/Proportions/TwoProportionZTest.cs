using IcpExperiments.Statistics.Common;
using IcpExperiments.Statistics.Distributions;

namespace IcpExperiments.Statistics.Proportions;

/// <summary>
/// Two-sided two-proportion z-test with the pooled variance under H0. Matches statsmodels
/// <c>proportions_ztest([x2, x1], [n2, n1])</c> and equals √χ² of the uncorrected Pearson test.
/// </summary>
public static class TwoProportionZTest
{
    public const string Method = "Two-proportion z-test (pooled)";

    /// <summary>
    /// Tests variant vs control conversion. Estimate = variant − control rate with a Newcombe interval at 1 − alpha.
    /// Counts: trials &gt; 0, 0 ≤ successes ≤ trials. Not computable when nobody or everybody converted.
    /// </summary>
    public static TestResult Run(long controlSuccesses, long controlTrials, long variantSuccesses, long variantTrials, double alpha = 0.05)
    {
        var table = new ConversionTable(controlSuccesses, controlTrials, variantSuccesses, variantTrials);
        Guard.Alpha(alpha);
        return Run(table, alpha);
    }

    internal static TestResult Run(ConversionTable table, double alpha)
    {
        if (table.HasNoVariation) return NotComputable(table);
        double pooled = (double)table.TotalSuccesses / table.Total;
        double standardError = Math.Sqrt(pooled * (1 - pooled) * (1.0 / table.ControlTrials + 1.0 / table.VariantTrials));
        double z = table.Difference / standardError;
        return new TestResult(Method, z, Normal.TwoSidedP(z), table.Difference, NewcombeInterval.Difference(table, alpha), null,
            ["interval: Newcombe hybrid score"]);
    }

    internal static TestResult NotComputable(ConversionTable table) =>
        TestResult.NotComputable(Method, table.TotalSuccesses == 0 ? "no conversions in either arm" : "every account converted in both arms");
}
