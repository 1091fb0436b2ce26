using MathNet.Numerics;

namespace IcpExperiments.Statistics.Distributions;

/// <summary>Student's t distribution with ν &gt; 0 degrees of freedom; tails via the regularized incomplete beta function.</summary>
public static class StudentT
{
    /// <summary>P(T ≤ t).</summary>
    public static double Cdf(double t, double degreesOfFreedom) => t <= 0 ? Sf(-t, degreesOfFreedom) : 1.0 - Sf(t, degreesOfFreedom);

    /// <summary>P(T &gt; t), accurate in the upper tail.</summary>
    public static double Sf(double t, double degreesOfFreedom)
    {
        Guard(degreesOfFreedom);
        if (double.IsNaN(t)) throw new ArgumentOutOfRangeException(nameof(t), t, "t must not be NaN.");
        if (t < 0) return 1.0 - Sf(-t, degreesOfFreedom);
        double t2 = t * t;
        double tail = t2 < degreesOfFreedom
            ? 1.0 - SpecialFunctions.BetaRegularized(0.5, degreesOfFreedom / 2.0, t2 / (degreesOfFreedom + t2))
            : SpecialFunctions.BetaRegularized(degreesOfFreedom / 2.0, 0.5, degreesOfFreedom / (degreesOfFreedom + t2));
        return 0.5 * tail;
    }

    /// <summary>Two-sided p-value P(|T| ≥ |t|).</summary>
    public static double TwoSidedP(double t, double degreesOfFreedom) => Math.Min(1.0, 2.0 * Sf(Math.Abs(t), degreesOfFreedom));

    /// <summary>Quantile for p in (0, 1): bisection-safeguarded Newton on the tail function, from a normal start.</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        Guard(degreesOfFreedom);
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "p must be in (0, 1).");
        if (p > 0.5) return -Quantile(1.0 - p, degreesOfFreedom);
        if (p == 0.5) return 0.0;
        // Solve Sf(x) = p for x > 0, then negate: the lower tail is symmetric.
        double lo = 0, hi = Math.Max(1.0, Normal.UpperQuantile(p));
        while (Sf(hi, degreesOfFreedom) > p) hi *= 2;
        double x = Math.Min(hi, Math.Max(lo, Normal.UpperQuantile(p)));
        for (int i = 0; i < 200; i++)
        {
            double f = Sf(x, degreesOfFreedom) - p;
            if (f > 0) lo = x; else hi = x;
            double density = Pdf(x, degreesOfFreedom);
            double next = density > 0 ? x + f / density : 0.5 * (lo + hi);
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            if (Math.Abs(next - x) <= 1e-15 * Math.Abs(x)) { x = next; break; }
            x = next;
        }

        return -x;
    }

    /// <summary>Density.</summary>
    public static double Pdf(double t, double degreesOfFreedom)
    {
        Guard(degreesOfFreedom);
        double v = degreesOfFreedom;
        double logDensity = SpecialFunctions.GammaLn((v + 1) / 2) - SpecialFunctions.GammaLn(v / 2)
            - 0.5 * Math.Log(v * Math.PI) - (v + 1) / 2 * double.LogP1(t * t / v);
        return Math.Exp(logDensity);
    }

    private static void Guard(double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0) || double.IsNaN(degreesOfFreedom))
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Degrees of freedom must be > 0.");
    }
}
