namespace IcpExperiments.Statistics.Distributions;

/// <summary>
/// Loader's saddle-point pieces (as in R's dbinom/dhyper): Stirling's error term and the deviance
/// bd0(x, np) = x ln(x/np) + np − x, evaluated without cancellation. They give binomial and hypergeometric
/// log-probabilities to full relative precision for counts in the millions.
/// </summary>
internal static class SaddlePoint
{
    private const double LnSqrt2Pi = 0.918938533204672741780329736406;
    private const double Ln2Pi = 1.837877066409345483560659472811;

    /// <summary>ln n! − [(n + ½) ln n − n + ln √(2π)] for integer n ≥ 0.</summary>
    public static double StirlingError(double n)
    {
        if (n >= 10) return LogGamma.StirlingCorrection(n);
        if (n == 0) return 0.0;
        return MathNet.Numerics.SpecialFunctions.GammaLn(n + 1) - (n + 0.5) * Math.Log(n) + n - LnSqrt2Pi;
    }

    /// <summary>bd0(x, m) = x ln(x/m) + m − x ≥ 0, by a series when x ≈ m.</summary>
    public static double Deviance(double x, double m)
    {
        if (Math.Abs(x - m) < 0.1 * (x + m))
        {
            double v = (x - m) / (x + m);
            double sum = (x - m) * v;
            double term = 2 * x * v;
            v *= v;
            for (int j = 1; j < 1000; j++)
            {
                term *= v;
                double next = sum + term / (2 * j + 1);
                if (next == sum) return next;
                sum = next;
            }
        }

        return x * Math.Log(x / m) + m - x;
    }

    /// <summary>ln P(X = x) for X ~ Binomial(n, p), q = 1 − p given separately (R's dbinom_raw).</summary>
    public static double LogBinomial(double x, double n, double p, double q)
    {
        if (p == 0) return x == 0 ? 0.0 : double.NegativeInfinity;
        if (q == 0) return x == n ? 0.0 : double.NegativeInfinity;
        if (x == 0) return n == 0 ? 0.0 : p < 0.1 ? -Deviance(n, n * q) - n * p : n * Math.Log(q);
        if (x == n) return q < 0.1 ? -Deviance(n, n * p) - n * q : n * Math.Log(p);
        if (x < 0 || x > n) return double.NegativeInfinity;
        double lc = StirlingError(n) - StirlingError(x) - StirlingError(n - x) - Deviance(x, n * p) - Deviance(n - x, n * q);
        double lf = Ln2Pi + Math.Log(x) + AccurateMath.Log1P(-x / n);
        return lc - 0.5 * lf;
    }
}
