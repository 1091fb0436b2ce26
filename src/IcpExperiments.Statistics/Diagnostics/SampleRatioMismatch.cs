using IcpExperiments.Statistics.Common;
using IcpExperiments.Statistics.Distributions;

namespace IcpExperiments.Statistics.Diagnostics;

/// <summary>
/// Sample-ratio-mismatch check: Pearson χ² goodness of fit of the accounts enrolled per arm against the planned
/// allocation. A broken split (bucketing bug, contamination, lost events) biases every comparison, so analyses
/// refuse to declare a winner when it fails. Matches scipy.stats.chisquare(observed, expected) and R chisq.test(x, p=).
/// </summary>
public static class SampleRatioMismatch
{
    /// <summary>Conventional threshold: SRM alarms are meant to be rare and decisive.</summary>
    public const double DefaultThreshold = 0.001;

    /// <summary>
    /// Observed counts (≥ 0) and planned weights (&gt; 0, any scale: 50/50 or 1/1) per arm, at least two arms.
    /// Not computable when no account is enrolled yet.
    /// </summary>
    public static SampleRatioCheck Check(ReadOnlySpan<long> observed, ReadOnlySpan<double> plannedAllocation, double threshold = DefaultThreshold)
    {
        if (observed.Length < 2) throw new ArgumentException("At least two arms are needed.", nameof(observed));
        if (observed.Length != plannedAllocation.Length)
            throw new ArgumentException($"{observed.Length} observed counts but {plannedAllocation.Length} planned weights.", nameof(plannedAllocation));
        Guard.Alpha(threshold, nameof(threshold));
        double weightTotal = 0, total = 0;
        for (int i = 0; i < observed.Length; i++)
        {
            if (observed[i] < 0) throw new ArgumentOutOfRangeException(nameof(observed), observed[i], $"observed[{i}] must be ≥ 0.");
            Guard.Positive(plannedAllocation[i], $"{nameof(plannedAllocation)}[{i}]");
            weightTotal += plannedAllocation[i];
            total += observed[i];
        }

        int df = observed.Length - 1;
        if (total == 0) return new SampleRatioCheck(double.NaN, df, double.NaN, threshold, ["no accounts enrolled yet"]);

        double statistic = 0;
        for (int i = 0; i < observed.Length; i++)
        {
            double expected = total * (plannedAllocation[i] / weightTotal);
            double deviation = observed[i] - expected;
            statistic += deviation * deviation / expected;
        }

        double p = ChiSquared.Sf(statistic, df);
        IReadOnlyList<string> notes = p < threshold ? [$"sample ratio mismatch: p = {p:G3} < {threshold:G3}"] : [];
        return new SampleRatioCheck(statistic, df, p, threshold, notes);
    }
}
