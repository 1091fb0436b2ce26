using IcpExperiments.Statistics.Common;
using IcpExperiments.Statistics.Continuous;

namespace IcpExperiments.Statistics.Tests.Continuous;

public sealed class ResampledMedianTests
{
    [Theory]
    [InlineData(new[] { 16.0, 1.0, 8.0, 2.0, 4.0 })]
    [InlineData(new[] { 8.0, 1.0, 4.0, 2.0 })]
    [InlineData(new[] { 3.0, 1.0, 3.0, 2.0, 1.0, 3.0 })]
    public void Next_ManyResamples_FollowsTheExactBootstrapLawOfTheMedian(double[] values)
    {
        // Arrange: the exact law, enumerating every one of the n^n equally likely resamples.
        var exact = ExactLaw(values);
        var sut = new ResampledMedian(values);
        var generator = new SeededGenerator(20261124);
        const int draws = 200_000;

        // Act
        var seen = new Dictionary<double, int>();
        for (int i = 0; i < draws; i++)
        {
            double median = sut.Next(ref generator);
            seen[median] = seen.GetValueOrDefault(median) + 1;
        }

        // Assert: same support, each probability within 5 binomial standard errors.
        Assert.Equal(exact.Keys.Order(), seen.Keys.Order());
        foreach (var (median, p) in exact)
        {
            double tolerance = 5 * Math.Sqrt(p * (1 - p) / draws);
            Assert.InRange((double)seen[median] / draws, p - tolerance, p + tolerance);
        }
    }

    [Fact]
    public void NextBelow_SmallBound_StaysInRangeAndIsUniform()
    {
        var sut = new SeededGenerator(7);
        var counts = new int[7];

        for (int i = 0; i < 70_000; i++) counts[sut.NextBelow(7)]++;

        Assert.All(counts, c => Assert.InRange(c, 10_000 - 500, 10_000 + 500));
    }

    private static Dictionary<double, double> ExactLaw(double[] values)
    {
        int n = values.Length;
        var law = new Dictionary<double, double>();
        var indices = new int[n];
        var resample = new double[n];
        double weight = Math.Pow(n, -n);
        while (true)
        {
            for (int i = 0; i < n; i++) resample[i] = values[indices[i]];
            Array.Sort(resample);
            double median = n % 2 == 1 ? resample[n / 2] : resample[(n / 2) - 1] + ((resample[n / 2] - resample[(n / 2) - 1]) / 2);
            law[median] = law.GetValueOrDefault(median) + weight;
            int position = 0;
            while (position < n && ++indices[position] == n) indices[position++] = 0;
            if (position == n) return law;
        }
    }
}
