using MathNet.Numerics;

namespace IcpExperiments.Statistics.Distributions;

/// <summary>
/// Regularized incomplete gamma P(a, x) / Q(a, x): the series below x = a + 1, the continued fraction above
/// (Numerical Recipes §6.2), each returning the asked-for tail without <c>1 − other</c> when that tail is small.
/// The prefactor is formed in log space (saddle-point form for large a), so tiny x (P ≈ 1e-300) and large a keep full
/// relative precision.
/// </summary>
internal static class IncompleteGamma
{
    private const int MaxIterations = 1_000_000;
    private const double Tiny = 1e-300;

    public static double Regularized(double a, double x, bool upper)
    {
        if (x <= 0) return upper ? 1.0 : 0.0;
        if (double.IsPositiveInfinity(x)) return upper ? 0.0 : 1.0;
        double logFront = LogFront(a, x);
        if (x < a + 1)
        {
            double lower = Series(a, x, logFront);
            return upper ? 1.0 - lower : lower;
        }

        double tail = ContinuedFraction(a, x, logFront);
        return upper ? tail : 1.0 - tail;
    }

    // ln(xᵃ e⁻ˣ / Γ(a)). For large a the three terms are huge and cancel; Loader's form ln a + ln dpois(a; x)
    // = ln a − δ(a) − bd0(a, x) − ½ ln(2πa) keeps full precision instead.
    private static double LogFront(double a, double x) => a < 10
        ? a * Math.Log(x) - x - SpecialFunctions.GammaLn(a)
        : Math.Log(a) - SaddlePoint.StirlingError(a) - SaddlePoint.Deviance(a, x) - 0.5 * Math.Log(2 * Math.PI * a);

    private static double Series(double a, double x, double logFront)
    {
        double term = 1.0 / a, sum = term;
        for (int n = 1; n <= MaxIterations; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * 1e-17) return sum * Math.Exp(logFront);
        }

        throw new ArithmeticException($"Incomplete gamma series did not converge (a={a}, x={x}).");
    }

    private static double ContinuedFraction(double a, double x, double logFront)
    {
        double b = x + 1 - a, c = 1 / Tiny, d = 1 / b, h = d;
        for (int i = 1; i <= MaxIterations; i++)
        {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b; d = 1 / (Math.Abs(d) < Tiny ? Tiny : d);
            c = b + an / c; if (Math.Abs(c) < Tiny) c = Tiny;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) <= 3e-16) return Math.Exp(logFront) * h;
        }

        throw new ArithmeticException($"Incomplete gamma continued fraction did not converge (a={a}, x={x}).");
    }
}
