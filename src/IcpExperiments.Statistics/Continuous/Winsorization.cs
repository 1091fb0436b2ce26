using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Statistics.Continuous;

/// <summary>
/// Percentile capping (winsorization): values below the lower percentile or above the upper one are set to those
/// percentiles, so a few huge deals cannot dominate a mean-based test. Limits match numpy.percentile (linear);
/// capped values match numpy.clip(x, lo, hi).
/// </summary>
public static class Winsorization
{
    /// <summary>The (lower, upper) caps for quantile levels 0 ≤ lower ≤ upper ≤ 1 of non-empty finite data.</summary>
    public static Interval Limits(ReadOnlySpan<double> values, double lowerQuantile, double upperQuantile)
    {
        Validate(values, lowerQuantile, upperQuantile);
        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        return new Interval(SortedQuantile.Of(sorted, lowerQuantile), SortedQuantile.Of(sorted, upperQuantile));
    }

    /// <summary>A capped copy of <paramref name="values"/>, in the original order (e.g. 0 and 0.99 caps the top 1%).</summary>
    public static double[] Cap(ReadOnlySpan<double> values, double lowerQuantile, double upperQuantile)
    {
        Interval limits = Limits(values, lowerQuantile, upperQuantile);
        var capped = new double[values.Length];
        for (int i = 0; i < values.Length; i++) capped[i] = Math.Clamp(values[i], limits.Lower, limits.Upper);
        return capped;
    }

    private static void Validate(ReadOnlySpan<double> values, double lowerQuantile, double upperQuantile)
    {
        Guard.NotEmpty(values, nameof(values));
        Guard.AllFinite(values, nameof(values));
        Guard.Probability(lowerQuantile, nameof(lowerQuantile));
        Guard.Probability(upperQuantile, nameof(upperQuantile));
        if (lowerQuantile > upperQuantile)
            throw new ArgumentException($"lowerQuantile ({lowerQuantile}) must not exceed upperQuantile ({upperQuantile}).", nameof(lowerQuantile));
    }
}
