using IcpExperiments.Statistics.Common;
using IcpExperiments.Statistics.Distributions;

namespace IcpExperiments.Statistics.Survival;

/// <summary>
/// Kaplan–Meier product-limit estimator with Greenwood variance and log-transformed pointwise intervals.
/// Matches R survival::survfit (conf.type = "log", the default) and the median with its interval of
/// print.survfit. O(n log n): one sort per arm (in <see cref="SurvivalSample"/>), then a linear walk.
/// </summary>
public static class KaplanMeier
{
    /// <summary>Same tolerance as R survival's median rule (sqrt of machine epsilon, as in all.equal).</summary>
    private const double MedianTolerance = 1.4901161193847656e-08;

    /// <summary>Estimates the curve from raw (time, event) arrays; see <see cref="SurvivalSample.Create(ReadOnlySpan{double}, ReadOnlySpan{bool})"/>.</summary>
    public static KaplanMeierCurve Estimate(ReadOnlySpan<double> times, ReadOnlySpan<bool> events, double confidenceLevel = 0.95) =>
        Estimate(SurvivalSample.Create(times, events), confidenceLevel);

    /// <summary>Estimates the curve of an already sorted sample; <paramref name="confidenceLevel"/> in (0, 1).</summary>
    public static KaplanMeierCurve Estimate(SurvivalSample sample, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(sample);
        Guard.Alpha(confidenceLevel, nameof(confidenceLevel));
        double z = Normal.UpperQuantile((1 - confidenceLevel) / 2);
        var table = sample.BuildRiskTable();
        var points = new SurvivalPoint[table.Length];
        double survival = 1.0, greenwoodSum = 0.0;
        for (int i = 0; i < points.Length; i++)
        {
            int n = table.AtRisk[i], d = table.Events[i];
            survival *= (double)(n - d) / n;
            greenwoodSum += n == d ? double.PositiveInfinity : (double)d / ((double)n * (n - d));
            points[i] = survival > 0
                ? new SurvivalPoint(table.Times[i], n, d, survival, survival * Math.Sqrt(greenwoodSum), LogInterval(survival, greenwoodSum, z))
                : new SurvivalPoint(table.Times[i], n, d, 0.0, 0.0, new Interval(0.0, 0.0));
        }

        return new KaplanMeierCurve(sample.Count, sample.EventCount, sample.MaxTime, confidenceLevel, points, Median(points, sample.MaxTime));
    }

    private static Interval LogInterval(double survival, double greenwoodSum, double z)
    {
        double spread = z * Math.Sqrt(greenwoodSum);
        return new Interval(survival * Math.Exp(-spread), Math.Min(1.0, survival * Math.Exp(spread)));
    }

    private static MedianSurvival Median(SurvivalPoint[] points, double maxTime)
    {
        double estimate = FirstTimeAtOrBelowHalf(points, static p => p.Survival, includeZero: true);
        double lower = FirstTimeAtOrBelowHalf(points, static p => p.ConfidenceInterval.Lower, includeZero: false);
        double upper = FirstTimeAtOrBelowHalf(points, static p => p.ConfidenceInterval.Upper, includeZero: false);
        bool reached = !double.IsNaN(estimate);
        return new MedianSurvival(
            reached ? estimate : double.PositiveInfinity,
            new Interval(double.IsNaN(lower) ? maxTime : lower, double.IsNaN(upper) ? double.PositiveInfinity : upper),
            reached);
    }

    /// <summary>R survival's minmin: first time the curve is ≤ 0.5, or the midpoint to the next drop when it sits at 0.5 exactly.</summary>
    private static double FirstTimeAtOrBelowHalf(SurvivalPoint[] points, Func<SurvivalPoint, double> curve, bool includeZero)
    {
        int first = -1;
        for (int i = 0; i < points.Length; i++)
        {
            // The bands are undefined (NA in R) where S = 0; R skips them.
            if (!includeZero && points[i].Survival == 0) continue;
            if (curve(points[i]) < 0.5 + MedianTolerance) { first = i; break; }
        }

        if (first < 0) return double.NaN;
        double y = curve(points[first]);
        if (Math.Abs(y - 0.5) >= MedianTolerance) return points[first].Time;
        for (int j = first + 1; j < points.Length; j++)
        {
            if (!includeZero && points[j].Survival == 0) continue;
            if (curve(points[j]) < y) return (points[first].Time + points[j].Time) / 2;
        }

        return points[first].Time;
    }
}
