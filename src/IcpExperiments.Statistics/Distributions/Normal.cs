using MathNet.Numerics;

namespace IcpExperiments.Statistics.Distributions;

/// <summary>
/// Standard normal distribution. Tail functions are computed directly from erfc, never as <c>1 - cdf</c>,
/// so probabilities down to 1e-300 keep full relative precision. Checked against scipy.stats.norm.
/// </summary>
public static class Normal
{
    private const double Sqrt2 = 1.4142135623730950488;
    private const double InvSqrt2Pi = 0.39894228040143267794;

    /// <summary>Density φ(x).</summary>
    public static double Pdf(double x) => InvSqrt2Pi * Math.Exp(-0.5 * x * x);

    /// <summary>P(Z ≤ x).</summary>
    public static double Cdf(double x) => 0.5 * SpecialFunctions.Erfc(-x / Sqrt2);

    /// <summary>P(Z &gt; x), the survival function, accurate in the upper tail.</summary>
    public static double Sf(double x) => 0.5 * SpecialFunctions.Erfc(x / Sqrt2);

    /// <summary>Two-sided p-value P(|Z| ≥ |z|).</summary>
    public static double TwoSidedP(double z) => Math.Min(1.0, 2.0 * Sf(Math.Abs(z)));

    /// <summary>Quantile: the x with P(Z ≤ x) = p, for p in (0, 1); accurate for p near 0.</summary>
    public static double Quantile(double p)
    {
        if (!(p > 0 && p < 1))
        {
            if (p == 0) return double.NegativeInfinity;
            if (p == 1) return double.PositiveInfinity;
            throw new ArgumentOutOfRangeException(nameof(p), p, "p must be in [0, 1].");
        }

        return -Sqrt2 * SpecialFunctions.ErfcInv(2.0 * p);
    }

    /// <summary>Upper quantile: the x with P(Z &gt; x) = q; accurate for q near 0 (e.g. z_{α/2} = UpperQuantile(α/2)).</summary>
    public static double UpperQuantile(double q) => -Quantile(q);
}
