using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Statistics.Continuous;

/// <summary>
/// Sufficient statistics of one arm for mean-based tests: count, mean and the sum of squared deviations (M2).
/// Stored as mean/M2 rather than raw sums because those subtract without losing digits.
/// </summary>
public readonly record struct SampleSummary
{
    private SampleSummary(long count, double mean, double sumOfSquaredDeviations)
    {
        Count = count;
        Mean = mean;
        SumOfSquaredDeviations = sumOfSquaredDeviations;
    }

    public long Count { get; }

    public double Mean { get; }

    /// <summary>Σ (x − mean)², ≥ 0.</summary>
    public double SumOfSquaredDeviations { get; }

    /// <summary>Unbiased sample variance (n − 1 denominator); NaN-free: 0 for a single value.</summary>
    public double Variance => Count > 1 ? SumOfSquaredDeviations / (Count - 1) : 0.0;

    /// <summary>Two-pass summary of finite values (mean first, then compensated squared deviations). Non-empty.</summary>
    public static SampleSummary FromValues(ReadOnlySpan<double> values)
    {
        Guard.NotEmpty(values, nameof(values));
        Guard.AllFinite(values, nameof(values));
        double sum = 0;
        for (int i = 0; i < values.Length; i++) sum += values[i];
        double mean = sum / values.Length;
        double squares = 0, correction = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double d = values[i] - mean;
            squares += d * d;
            correction += d;
        }

        // Σd is ~0 in exact arithmetic; subtracting (Σd)²/n removes the error of the rounded mean (Chan et al. 1983).
        double m2 = Math.Max(0.0, squares - correction * correction / values.Length);
        return new SampleSummary(values.Length, mean + correction / values.Length, m2);
    }

    /// <summary>
    /// Summary from count, Σx and Σx² (e.g. pushed down to SQL). Σx² − (Σx)²/n is formed with exact products (FMA)
    /// so no digits are lost beyond those already rounded away in the sums; count ≥ 1, sums finite, Σx² ≥ 0.
    /// </summary>
    public static SampleSummary FromSums(long count, double sum, double sumOfSquares)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "count must be ≥ 1.");
        Guard.Finite(sum, nameof(sum));
        Guard.Finite(sumOfSquares, nameof(sumOfSquares));
        if (sumOfSquares < 0) throw new ArgumentOutOfRangeException(nameof(sumOfSquares), sumOfSquares, "sumOfSquares must be ≥ 0.");
        double n = count;
        // n·Σx² − (Σx)² as a double-double difference: each product split into its rounded value and exact error.
        double a = n * sumOfSquares, aError = Math.FusedMultiplyAdd(n, sumOfSquares, -a);
        double b = sum * sum, bError = Math.FusedMultiplyAdd(sum, sum, -b);
        double numerator = (a - b) + (aError - bError);
        return new SampleSummary(count, sum / n, Math.Max(0.0, numerator / n));
    }

    /// <summary>Summary from count, mean and sample standard deviation (n − 1 denominator).</summary>
    public static SampleSummary FromMoments(long count, double mean, double standardDeviation)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "count must be ≥ 1.");
        Guard.Finite(mean, nameof(mean));
        Guard.Finite(standardDeviation, nameof(standardDeviation));
        if (standardDeviation < 0) throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "standardDeviation must be ≥ 0.");
        return new SampleSummary(count, mean, standardDeviation * standardDeviation * (count - 1));
    }
}
