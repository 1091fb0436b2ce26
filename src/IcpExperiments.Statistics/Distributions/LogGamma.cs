using MathNet.Numerics;

namespace IcpExperiments.Statistics.Distributions;

/// <summary>
/// Log-gamma pieces that stay accurate for large arguments, where <c>lnΓ(a) − lnΓ(b)</c> of two huge numbers
/// would cancel: Stirling's correction term and ln B(a, b) in R's <c>lbeta</c> form.
/// </summary>
internal static class LogGamma
{
    private const double LnSqrt2Pi = 0.918938533204672741780329736406;

    /// <summary>δ(x) = lnΓ(x) − [(x − ½) ln x − x + ½ ln 2π], for x ≥ 10 (R's lgammacor), by the Stirling series.</summary>
    public static double StirlingCorrection(double x)
    {
        double r = 1.0 / x, r2 = r * r;
        return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 * (1.0 / 1188
            - r2 * (691.0 / 360360 - r2 * (1.0 / 156 - r2 * 3617.0 / 122400)))))));
    }

    /// <summary>ln B(a, b) for a, b &gt; 0, following R's lbeta so that huge arguments do not cancel.</summary>
    public static double LogBeta(double a, double b)
    {
        double p = Math.Min(a, b), q = Math.Max(a, b);
        if (p >= 10)
        {
            double correction = StirlingCorrection(p) + StirlingCorrection(q) - StirlingCorrection(p + q);
            return -0.5 * Math.Log(q) + LnSqrt2Pi + correction + (p - 0.5) * Math.Log(p / (p + q)) + q * AccurateMath.Log1P(-p / (p + q));
        }

        if (q >= 10)
        {
            double correction = StirlingCorrection(q) - StirlingCorrection(p + q);
            return SpecialFunctions.GammaLn(p) + correction + p - p * Math.Log(p + q) + (q - 0.5) * AccurateMath.Log1P(-p / (p + q));
        }

        return SpecialFunctions.GammaLn(p) + SpecialFunctions.GammaLn(q) - SpecialFunctions.GammaLn(p + q);
    }
}
