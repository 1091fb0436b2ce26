using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Statistics.Continuous;

/// <summary>
/// Medians of bootstrap resamples of one sample, drawn by counting: the sample is sorted once, and a resample (n draws
/// with replacement) is kept as how often each order statistic was drawn, so its median is found by a cumulative walk
/// instead of copying and selecting n values. Same law as resampling the values and taking their median.
/// </summary>
internal sealed class ResampledMedian
{
    private readonly double[] sorted;
    private readonly int[] counts;

    public ResampledMedian(ReadOnlySpan<double> values)
    {
        sorted = values.ToArray();
        Array.Sort(sorted);
        counts = new int[sorted.Length];
    }

    /// <summary>The median of one resample (the mean of the two middle values when n is even).</summary>
    public double Next(ref SeededGenerator generator)
    {
        int n = sorted.Length;
        Array.Clear(counts);
        for (int i = 0; i < n; i++) counts[generator.NextBelow((uint)n)]++;

        int lowerRank = (n - 1) / 2, upperRank = n / 2;
        int below = 0, j = 0;
        while (below + counts[j] <= lowerRank) below += counts[j++];
        double lower = sorted[j];
        if (upperRank == lowerRank) return lower;
        while (below + counts[j] <= upperRank) below += counts[j++];
        double upper = sorted[j];
        return lower + (upper - lower) / 2;
    }
}
