namespace IcpExperiments.Statistics.Distributions;

/// <summary>
/// Regularized incomplete beta I_x(a, b) by its continued fraction, returning whichever tail is asked for without
/// forming <c>1 − I</c> when that tail is small. Callers pass x, y = 1 − x and their logarithms separately so that
/// x near 1 (Student t with huge ν) or tiny y keep full relative precision.
/// </summary>
internal static class IncompleteBeta
{
    private const int MaxIterations = 1_000_000;
    private const double Tiny = 1e-300;

    /// <summary>I_x(a, b) when <paramref name="upper"/> is false, 1 − I_x(a, b) when true.</summary>
    public static double Regularized(double a, double b, double x, double y, double logX, double logY, bool upper)
    {
        if (x <= 0) return upper ? 1.0 : 0.0;
        if (y <= 0) return upper ? 0.0 : 1.0;

        // The fraction converges fast for x below the mean-like point; otherwise evaluate the mirrored tail.
        bool mirrored = x > (a + 1) / (a + b + 2);
        double tail = mirrored
            ? Direct(b, a, y, logY, logX)
            : Direct(a, b, x, logX, logY);
        bool tailIsUpper = mirrored;
        return upper == tailIsUpper ? tail : 1.0 - tail;
    }

    private static double Direct(double a, double b, double x, double logX, double logY)
    {
        double logFront = a * logX + b * logY - LogGamma.LogBeta(a, b) - Math.Log(a);
        if (logFront < -745.2) return 0.0;
        return Math.Exp(logFront) * ContinuedFraction(a, b, x);
    }

    // Modified Lentz evaluation of the continued fraction for I_x(a, b) (Numerical Recipes §6.4).
    private static double ContinuedFraction(double a, double b, double x)
    {
        double qab = a + b, qap = a + 1, qam = a - 1;
        double c = 1, d = 1 - qab * x / qap;
        d = 1 / (Math.Abs(d) < Tiny ? Tiny : d);
        double h = d;
        for (int m = 1; m <= MaxIterations; m++)
        {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d; d = 1 / (Math.Abs(d) < Tiny ? Tiny : d);
            c = 1 + aa / c; if (Math.Abs(c) < Tiny) c = Tiny;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d; d = 1 / (Math.Abs(d) < Tiny ? Tiny : d);
            c = 1 + aa / c; if (Math.Abs(c) < Tiny) c = Tiny;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) <= 3e-16) return h;
        }

        throw new ArithmeticException($"Incomplete beta continued fraction did not converge (a={a}, b={b}, x={x}).");
    }
}
