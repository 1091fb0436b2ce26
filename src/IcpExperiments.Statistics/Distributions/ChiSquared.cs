using MathNet.Numerics;

namespace IcpExperiments.Statistics.Distributions;

/// <summary>χ² distribution with k &gt; 0 degrees of freedom; the survival function uses the upper regularized gamma directly.</summary>
public static class ChiSquared
{
    /// <summary>P(X ≤ x).</summary>
    public static double Cdf(double x, double degreesOfFreedom)
    {
        Guard(degreesOfFreedom);
        return x <= 0 ? 0.0 : SpecialFunctions.GammaLowerRegularized(degreesOfFreedom / 2.0, x / 2.0);
    }

    /// <summary>P(X &gt; x), accurate in the far upper tail.</summary>
    public static double Sf(double x, double degreesOfFreedom)
    {
        Guard(degreesOfFreedom);
        return x <= 0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, x / 2.0);
    }

    /// <summary>Quantile for p in [0, 1).</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        Guard(degreesOfFreedom);
        if (!(p >= 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "p must be in [0, 1).");
        return p == 0 ? 0.0 : 2.0 * SpecialFunctions.GammaLowerRegularizedInv(degreesOfFreedom / 2.0, p);
    }

    private static void Guard(double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0) || double.IsInfinity(degreesOfFreedom))
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Degrees of freedom must be finite and > 0.");
    }
}
