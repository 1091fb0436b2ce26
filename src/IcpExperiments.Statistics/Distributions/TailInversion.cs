namespace IcpExperiments.Statistics.Distributions;

/// <summary>
/// Inverts a tail probability T(x) on x &gt; 0 by safeguarded Newton steps on ln T as a function of u = ln x.
/// In these coordinates power-law tails (Student t with small ν) are almost linear and Gaussian-like tails
/// are smooth, so a few steps reach full precision from a rough start even at T = 1e-300.
/// </summary>
internal static class TailInversion
{
    private const int MaxIterations = 200;

    /// <param name="tail">T(x): Sf (decreasing in x) or Cdf (increasing in x).</param>
    /// <param name="logDensity">ln f(x), f = |dT/dx| (in logs: f underflows long before T does, e.g. ν = 3 at T = 1e-300).</param>
    /// <param name="increasing">True when T is a Cdf.</param>
    /// <param name="target">Target probability in (0, 1).</param>
    /// <param name="start">Starting point &gt; 0.</param>
    public static double Solve(Func<double, double> tail, Func<double, double> logDensity, bool increasing, double target, double start)
    {
        double logTarget = Math.Log(target);
        double u = Math.Log(start);
        // Bracket in u: g(u) = sign · (ln T − ln target) is negative below the root and positive above it.
        double below = double.NegativeInfinity, above = double.PositiveInfinity;
        double sign = increasing ? 1.0 : -1.0;
        for (int i = 0; i < MaxIterations; i++)
        {
            double x = Math.Exp(u);
            double t = tail(x);
            double g = sign * (Math.Log(t) - logTarget);
            if (g == 0) return x;
            if (g < 0) below = u; else above = u;

            double slope = Math.Exp(u + logDensity(x) - Math.Log(t)); // d(sign · ln T)/du = x f / T, positive
            double next = u - g / slope;
            if (!double.IsFinite(next) || next <= below || next >= above)
            {
                next = double.IsInfinity(below) ? (double.IsInfinity(above) ? u : above - 2)
                    : double.IsInfinity(above) ? below + 2 : 0.5 * (below + above);
            }
            else
            {
                next = Math.Clamp(next, u - 20, u + 20);
            }

            if (Math.Abs(next - u) <= 1e-11 || above - below <= 1e-11) return Polish(Math.Exp(next));
            u = next;
        }

        return Polish(Math.Exp(u));

        // u = ln x carries an absolute error of ~|u|·ε, i.e. a relative error of x of up to ~1e-13 for huge x:
        // finish with Newton steps in x itself, accepted only while they shrink.
        double Polish(double x)
        {
            double previous = double.PositiveInfinity;
            for (int k = 0; k < 4; k++)
            {
                double t = tail(x);
                if (!(t > 0)) break;
                double step = sign * (Math.Log(t) - logTarget) * Math.Exp(Math.Log(t) - logDensity(x));
                if (!(Math.Abs(step) < previous) || !(x - step > 0) || !double.IsFinite(x - step)) break;
                x -= step;
                previous = Math.Abs(step);
                if (previous <= 1e-16 * Math.Abs(x)) break;
            }

            return x;
        }
    }
}
