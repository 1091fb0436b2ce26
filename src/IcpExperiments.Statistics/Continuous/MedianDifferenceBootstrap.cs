using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Statistics.Continuous;

/// <summary>
/// Seeded percentile bootstrap for median(variant) − median(control): each replicate resamples both arms with
/// replacement (arms independent, sizes kept) and takes their medians (<see cref="ResampledMedian"/>: each arm sorted
/// once, a replicate counts draws per order statistic, O(n) with no copying or selection). The caller injects the
/// <see cref="Random"/>, which seeds a fast generator for the draws, so a seed reproduces the interval exactly.
/// </summary>
public static class MedianDifferenceBootstrap
{
    public const string Method = "Percentile bootstrap, difference of medians";

    /// <summary>
    /// Arms non-empty and finite; resamples ≥ 100; alpha in (0, 1). Percentiles α/2 and 1 − α/2 of the replicates
    /// by linear interpolation (numpy's default).
    /// </summary>
    public static BootstrapInterval Run(ReadOnlySpan<double> control, ReadOnlySpan<double> variant, Random random, int resamples = 2000, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(random);
        Guard.NotEmpty(control, nameof(control));
        Guard.NotEmpty(variant, nameof(variant));
        Guard.AllFinite(control, nameof(control));
        Guard.AllFinite(variant, nameof(variant));
        Guard.Alpha(alpha);
        if (resamples < 100) throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "resamples must be ≥ 100.");

        double[] controlBuffer = new double[control.Length], variantBuffer = new double[variant.Length];
        control.CopyTo(controlBuffer);
        variant.CopyTo(variantBuffer);
        double estimate = SortedQuantile.MedianInPlace(variantBuffer) - SortedQuantile.MedianInPlace(controlBuffer);

        var controlMedians = new ResampledMedian(control);
        var variantMedians = new ResampledMedian(variant);
        var generator = SeededGenerator.From(random);
        var replicates = new double[resamples];
        for (int b = 0; b < resamples; b++)
            replicates[b] = variantMedians.Next(ref generator) - controlMedians.Next(ref generator);
        Array.Sort(replicates);
        var interval = new Interval(SortedQuantile.Of(replicates, alpha / 2), SortedQuantile.Of(replicates, 1 - alpha / 2));
        return new BootstrapInterval(Method, estimate, interval, resamples);
    }
}
