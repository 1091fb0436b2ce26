using MathNet.Numerics;

namespace IcpExperiments.Statistics.Distributions;

/// <summary>
/// χ² distribution with k &gt; 0 degrees of freedom. ν = 1 and 2 use exact closed forms (normal tail, exponential);
/// other ν the regularized incomplete gamma with a saddle-point prefactor, precise also for large k.
/// The survival function is computed directly, never as <c>1 − cdf</c>. Checked against mpmath and R's <c>pchisq</c>.
/// </summary>
public static class ChiSquared
{
    /// <summary>P(X ≤ x).</summary>
    public static double Cdf(double x, double degreesOfFreedom)
    {
        Guard(x, degreesOfFreedom);
        if (x <= 0) return 0.0;
        if (degreesOfFreedom == 1) return SpecialFunctions.Erf(Math.Sqrt(x / 2));
        if (degreesOfFreedom == 2) return -AccurateMath.ExpM1(-x / 2);
        return IncompleteGamma.Regularized(degreesOfFreedom / 2.0, x / 2.0, upper: false);
    }

    /// <summary>P(X &gt; x), accurate in the far upper tail.</summary>
    public static double Sf(double x, double degreesOfFreedom)
    {
        Guard(x, degreesOfFreedom);
        if (x <= 0) return 1.0;
        if (degreesOfFreedom == 1) return 2.0 * Normal.Sf(Math.Sqrt(x));
        if (degreesOfFreedom == 2) return Math.Exp(-x / 2);
        return IncompleteGamma.Regularized(degreesOfFreedom / 2.0, x / 2.0, upper: true);
    }

    /// <summary>Density.</summary>
    public static double Pdf(double x, double degreesOfFreedom)
    {
        Guard(x, degreesOfFreedom);
        if (x < 0) return 0.0;
        double k = degreesOfFreedom / 2;
        if (x == 0) return k < 1 ? double.PositiveInfinity : k == 1 ? 0.5 : 0.0;
        return Math.Exp(LogPdf(x, degreesOfFreedom));
    }

    internal static double LogPdf(double x, double degreesOfFreedom)
    {
        double k = degreesOfFreedom / 2;
        return (k - 1) * Math.Log(x / 2) - x / 2 - SpecialFunctions.GammaLn(k) - Math.Log(2);
    }

    /// <summary>Quantile: the x with P(X ≤ x) = p, for p in [0, 1] (∞ at 1); Newton on the log tail, precise for tiny p.</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        Guard(0, degreesOfFreedom);
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "p must be in [0, 1].");
        if (p == 0) return 0.0;
        if (p == 1) return double.PositiveInfinity;
        if (p > 0.5) return UpperQuantile(1.0 - p, degreesOfFreedom);
        double v = degreesOfFreedom;
        return TailInversion.Solve(x => Cdf(x, v), x => LogPdf(x, v), increasing: true, p, Start(p, v, upper: false));
    }

    /// <summary>Upper quantile: the x with P(X &gt; x) = q, for q in [0, 1]; precise for tiny q (critical values χ²_{1−α}).</summary>
    public static double UpperQuantile(double q, double degreesOfFreedom)
    {
        Guard(0, degreesOfFreedom);
        if (!(q >= 0 && q <= 1)) throw new ArgumentOutOfRangeException(nameof(q), q, "q must be in [0, 1].");
        if (q == 0) return double.PositiveInfinity;
        if (q == 1) return 0.0;
        if (q > 0.5) return Quantile(1.0 - q, degreesOfFreedom);
        double v = degreesOfFreedom;
        if (v == 1) return Math.Pow(Normal.UpperQuantile(q / 2), 2);
        if (v == 2) return -2 * Math.Log(q);
        return TailInversion.Solve(x => Sf(x, v), x => LogPdf(x, v), increasing: false, q, Start(q, v, upper: true));
    }

    // Wilson–Hilferty start, falling back to the small-x power law P(X ≤ x) ≈ (x/2)^(k/2) / Γ(k/2 + 1).
    private static double Start(double probability, double v, bool upper)
    {
        double z = upper ? Normal.UpperQuantile(probability) : Normal.Quantile(probability);
        double h = 2 / (9 * v);
        double cube = 1 - h + z * Math.Sqrt(h);
        if (cube > 0.1) return v * cube * cube * cube;
        double powerLaw = 2 * Math.Exp((Math.Log(probability) + SpecialFunctions.GammaLn(v / 2 + 1)) / (v / 2));
        return Math.Max(powerLaw, 1e-300);
    }

    private static void Guard(double x, double degreesOfFreedom)
    {
        if (double.IsNaN(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "x must not be NaN.");
        if (!(degreesOfFreedom > 0) || double.IsInfinity(degreesOfFreedom))
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Degrees of freedom must be finite and > 0.");
    }
}
