namespace IcpExperiments.Statistics.Common;

/// <summary>Sufficient statistics of one arm's numeric outcome: count, mean and sample variance (n − 1 denominator).</summary>
/// <param name="Count">Number of accounts, ≥ 1.</param>
/// <param name="Mean">Sample mean.</param>
/// <param name="Variance">Unbiased sample variance, ≥ 0 (0 when Count = 1).</param>
public sealed record SampleMoments(long Count, double Mean, double Variance)
{
    /// <summary>Two-pass mean and variance of finite, non-empty <paramref name="values"/> (no cancellation).</summary>
    public static SampleMoments FromValues(ReadOnlySpan<double> values)
    {
        Guard.NotEmpty(values, nameof(values));
        Guard.AllFinite(values, nameof(values));
        double sum = 0;
        foreach (double v in values) sum += v;
        double mean = sum / values.Length, squares = 0, residual = 0;
        foreach (double v in values)
        {
            double d = v - mean;
            squares += d * d;
            residual += d;
        }

        // Corrected two-pass formula (Chan, Golub, LeVeque): removes the rounding left in the mean.
        double variance = values.Length > 1 ? (squares - residual * residual / values.Length) / (values.Length - 1) : 0.0;
        return new SampleMoments(values.Length, mean, Math.Max(0.0, variance));
    }

    /// <summary>
    /// From running sums n, Σx, Σx² (e.g. pushed down to SQL). Subject to cancellation when the mean is large
    /// relative to the spread; prefer <see cref="FromValues"/> when the raw values are at hand.
    /// </summary>
    public static SampleMoments FromSums(long count, double sum, double sumOfSquares)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), count, "count must be > 0.");
        Guard.Finite(sum, nameof(sum));
        Guard.Finite(sumOfSquares, nameof(sumOfSquares));
        double mean = sum / count;
        double variance = count > 1 ? (sumOfSquares - sum * mean) / (count - 1) : 0.0;
        return new SampleMoments(count, mean, Math.Max(0.0, variance));
    }

    /// <summary>Variance of the mean, Variance / Count.</summary>
    public double VarianceOfMean => Variance / Count;
}
