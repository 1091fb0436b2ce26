using IcpExperiments.Statistics.Common;
using IcpExperiments.Statistics.Distributions;

namespace IcpExperiments.Statistics.VarianceReduction;

/// <summary>
/// CUPED as regression adjustment (Deng, Xu, Kohavi, Walker 2013; ANCOVA): fits y ~ 1 + variant + (x − x̄) by OLS
/// with a pre-period covariate x per account (e.g. prior engagement or pipeline) and reports the adjusted
/// difference with its classical OLS standard error, t-based p-value and interval. Matches statsmodels OLS with
/// a treatment indicator and the centred covariate. Computed in closed form from within-arm centred sums, O(n).
/// </summary>
public static class Cuped
{
    private const string AdjustedMethod = "CUPED regression adjustment (OLS y ~ variant + centred pre-period covariate)";
    private const string UnadjustedMethod = "Unadjusted difference (OLS y ~ variant, pooled-variance t)";

    /// <summary>
    /// Compares variant with control. Outcome and covariate arrays are paired per account, finite, non-empty;
    /// <paramref name="confidenceLevel"/> in (0, 1). The adjusted result is not computable when fewer than 4
    /// accounts, when the covariate is constant within both arms, or when the fit is exact.
    /// </summary>
    public static CupedResult Analyze(
        ReadOnlySpan<double> controlOutcome,
        ReadOnlySpan<double> controlCovariate,
        ReadOnlySpan<double> variantOutcome,
        ReadOnlySpan<double> variantCovariate,
        double confidenceLevel = 0.95)
    {
        Guard.Alpha(confidenceLevel, nameof(confidenceLevel));
        var c = ArmCrossMoments.From(controlOutcome, controlCovariate, "control");
        var v = ArmCrossMoments.From(variantOutcome, variantCovariate, "variant");
        double n = (double)c.Count + v.Count, inverseCounts = 1.0 / c.Count + 1.0 / v.Count;
        double syy = c.Syy + v.Syy, sxx = c.Sxx + v.Sxx, sxy = c.Sxy + v.Sxy;
        double rawDifference = v.MeanY - c.MeanY;

        var unadjusted = n < 3 || !(syy > 0)
            ? TestResult.NotComputable(UnadjustedMethod, "Needs ≥ 3 accounts and non-zero outcome variance within arms.")
            : TTest(UnadjustedMethod, rawDifference, syy / (n - 2) * inverseCounts, n - 2, confidenceLevel);

        if (n < 4 || !(sxx > 0))
            return new CupedResult(
                TestResult.NotComputable(AdjustedMethod, "Needs ≥ 4 accounts and a covariate that varies within arms."), unadjusted, null, null, null);

        double theta = sxy / sxx;
        double residualSum = Math.Max(0.0, syy - theta * sxy);
        double meanGap = v.MeanX - c.MeanX;
        double adjustedDifference = rawDifference - theta * meanGap;
        if (!(residualSum > 0))
            return new CupedResult(
                TestResult.NotComputable(AdjustedMethod, "The covariate explains the outcome exactly: zero residual variance."), unadjusted, theta, null, null);

        double adjustedVariance = residualSum / (n - 3) * (inverseCounts + meanGap * meanGap / sxx);
        var adjusted = TTest(AdjustedMethod, adjustedDifference, adjustedVariance, n - 3, confidenceLevel);
        double? reduction = unadjusted.IsComputable
            ? 1 - adjustedVariance / (syy / (n - 2) * inverseCounts)
            : null;
        return new CupedResult(adjusted, unadjusted, theta, Math.Sqrt(adjustedVariance), reduction);
    }

    private static TestResult TTest(string method, double estimate, double variance, double degreesOfFreedom, double confidenceLevel)
    {
        double se = Math.Sqrt(variance), t = estimate / se;
        double critical = StudentT.UpperQuantile((1 - confidenceLevel) / 2, degreesOfFreedom);
        return new TestResult(method, t, StudentT.TwoSidedP(t, degreesOfFreedom), estimate,
            new Interval(estimate - critical * se, estimate + critical * se), degreesOfFreedom, ["Classical (homoskedastic) OLS standard error."]);
    }
}
