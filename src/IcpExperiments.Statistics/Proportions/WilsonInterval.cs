using IcpExperiments.Statistics.Common;
using IcpExperiments.Statistics.Distributions;

namespace IcpExperiments.Statistics.Proportions;

/// <summary>Wilson score interval for one binomial proportion. Matches statsmodels <c>proportion_confint(method="wilson")</c>.</summary>
public static class WilsonInterval
{
    /// <summary>Interval for successes/trials at confidence 1 − alpha; trials &gt; 0, 0 ≤ successes ≤ trials, alpha in (0, 1).</summary>
    public static Interval Compute(long successes, long trials, double alpha = 0.05)
    {
        Guard.Counts(successes, trials, nameof(successes), nameof(trials));
        Guard.Alpha(alpha);
        double z = Normal.UpperQuantile(alpha / 2), z2 = z * z, n = trials;
        double p = successes / n;
        double center = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // Clamp rounding at the ends: x = 0 gives exactly 0 (and x = n exactly 1) in exact arithmetic.
        double lower = successes == 0 ? 0.0 : Math.Max(0.0, center - half);
        double upper = successes == trials ? 1.0 : Math.Min(1.0, center + half);
        return new Interval(lower, upper);
    }
}
