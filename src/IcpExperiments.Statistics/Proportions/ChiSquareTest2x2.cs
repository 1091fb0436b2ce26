using IcpExperiments.Statistics.Common;
using IcpExperiments.Statistics.Distributions;

namespace IcpExperiments.Statistics.Proportions;

/// <summary>
/// Pearson χ² test of independence on the 2×2 conversion table, with or without Yates' continuity correction
/// (each |O − E| reduced by min(½, |O − E|)). Matches scipy.stats.chi2_contingency(correction=…) and R's chisq.test.
/// </summary>
public static class ChiSquareTest2x2
{
    /// <summary>
    /// χ² statistic (1 df) and p-value; Estimate = variant − control rate with a Newcombe interval at 1 − alpha.
    /// Not computable when nobody or everybody converted.
    /// </summary>
    public static TestResult Run(long controlSuccesses, long controlTrials, long variantSuccesses, long variantTrials, bool yatesCorrection, double alpha = 0.05)
    {
        var table = new ConversionTable(controlSuccesses, controlTrials, variantSuccesses, variantTrials);
        Guard.Alpha(alpha);
        string method = yatesCorrection ? "Pearson χ² 2×2 with Yates correction" : "Pearson χ² 2×2";
        if (table.HasNoVariation) return TestResult.NotComputable(method, "a margin is zero: nobody or everybody converted");

        // Every cell deviates from its expectation by |ad − bc| / N; Σ 1/E = N³ / (r1 r2 c1 c2).
        double n = table.Total;
        double deviation = (double)Int128.Abs(table.CrossProductDifference) / n;
        if (yatesCorrection) deviation -= Math.Min(0.5, deviation);
        double statistic = deviation / table.ControlTrials * (deviation / table.VariantTrials)
            * (n / table.TotalSuccesses) * (n / table.TotalFailures) * n;
        return new TestResult(method, statistic, ChiSquared.Sf(statistic, 1), table.Difference,
            NewcombeInterval.Difference(table, alpha), 1, ["interval: Newcombe hybrid score"]);
    }
}
