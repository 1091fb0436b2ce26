using MathNet.Numerics;

namespace IcpExperiments.Statistics.Distributions;

/// <summary>
/// Standard normal distribution. Tail functions are computed directly from erfc, never as <c>1 - cdf</c>,
/// so probabilities down to 1e-300 keep full relative precision. Checked against mpmath and scipy.stats.norm.
/// </summary>
public static class Normal
{
    private const double Sqrt2 = 1.4142135623730950488;
    private const double InvSqrt2Pi = 0.39894228040143267794;

    /// <summary>Density φ(x).</summary>
    public static double Pdf(double x) => InvSqrt2Pi * Math.Exp(-0.5 * NotNaN(x) * x);

    /// <summary>P(Z ≤ x).</summary>
    public static double Cdf(double x) => 0.5 * SpecialFunctions.Erfc(-NotNaN(x) / Sqrt2);

    /// <summary>P(Z &gt; x), the survival function, accurate in the upper tail.</summary>
    public static double Sf(double x) => 0.5 * SpecialFunctions.Erfc(NotNaN(x) / Sqrt2);

    /// <summary>Two-sided p-value P(|Z| ≥ |z|), in [0, 1].</summary>
    public static double TwoSidedP(double z) => Math.Min(1.0, 2.0 * Sf(Math.Abs(z)));

    /// <summary>
    /// Quantile: the x with P(Z ≤ x) = p, for p in [0, 1] (±∞ at the ends); full precision for p near 0
    /// (erfc⁻¹ start, then one Newton step on ln Φ). Matches R's <c>qnorm</c>.
    /// </summary>
    public static double Quantile(double p)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "p must be in [0, 1].");
        if (p == 0) return double.NegativeInfinity;
        if (p == 1) return double.PositiveInfinity;
        if (p > 0.5) return -Quantile(1.0 - p); // exact subtraction for p ≥ ½
        if (p == 0.5) return 0.0;

        double x = -Sqrt2 * SpecialFunctions.ErfcInv(2.0 * p);
        // ErfcInv is good to ~1e-13 relative; a Newton step on ln Φ(x) = ln p restores full precision in the tail.
        double cdf = Cdf(x), pdf = Pdf(x);
        if (cdf > 0 && pdf > 0) x -= (Math.Log(cdf) - Math.Log(p)) * cdf / pdf;
        return x;
    }

    /// <summary>Upper quantile: the x with P(Z &gt; x) = q, for q in [0, 1]; accurate for q near 0 (z_{α/2} = UpperQuantile(α/2)).</summary>
    public static double UpperQuantile(double q) => -Quantile(q);

    // A NaN statistic means a caller skipped its not-computable check: fail loudly instead of returning NaN.
    private static double NotNaN(double x) =>
        double.IsNaN(x) ? throw new ArgumentOutOfRangeException(nameof(x), x, "x must not be NaN.") : x;
}
