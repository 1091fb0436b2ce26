using IcpExperiments.Statistics.Continuous;

namespace IcpExperiments.Statistics.Tests.Continuous;

public class ContinuousPropertyTests
{
    [Fact]
    public void WelchTTest_BothArmsConstant_IsNotComputable()
    {
        var result = WelchTTest.Run([3.0, 3.0, 3.0], [3.0, 3.0]);

        Assert.False(result.IsComputable);
        Assert.Contains("zero variance", result.Notes[0]);
    }

    [Fact]
    public void WelchTTest_SingleValueArm_IsNotComputable() =>
        Assert.False(WelchTTest.Run([1.0], [2.0, 3.0]).IsComputable);

    [Fact]
    public void ContinuousTests_InvalidInput_Throw()
    {
        Assert.ThrowsAny<ArgumentException>(() => WelchTTest.Run([], [1.0, 2.0]));
        Assert.ThrowsAny<ArgumentException>(() => WelchTTest.Run([double.NaN, 1.0], [1.0, 2.0]));
        Assert.ThrowsAny<ArgumentException>(() => MannWhitneyUTest.Run([1.0], [double.PositiveInfinity]));
        Assert.ThrowsAny<ArgumentException>(() => WelchTTest.Run([1.0, 2.0], [1.0, 2.0], alpha: 1.5));
        Assert.ThrowsAny<ArgumentException>(() => SampleSummary.FromSums(0, 0, 0));
        Assert.ThrowsAny<ArgumentException>(() => Winsorization.Cap([1.0, 2.0], 0.9, 0.1));
        Assert.ThrowsAny<ArgumentException>(() => MedianDifferenceBootstrap.Run([1.0], [2.0], new Random(1), resamples: 10));
    }

    [Fact]
    public void MannWhitneyUTest_AllValuesTied_IsNotComputable()
    {
        var result = MannWhitneyUTest.Run([0.0, 0.0, 0.0], [0.0, 0.0]);

        Assert.False(result.IsComputable);
        Assert.Contains("tied", result.Notes[0]);
    }

    [Fact]
    public void MannWhitneyUTest_ExactRequestedWithTies_FallsBackWithNote()
    {
        var result = MannWhitneyUTest.Run([1.0, 2.0, 2.0], [2.0, 5.0], MannWhitneyMethod.Exact);

        Assert.Contains("exact p-value unavailable with ties: normal approximation used", result.Notes);
    }

    [Fact]
    public void SampleSummary_FromSumsAndFromValues_Agree()
    {
        var random = new Random(7);
        double[] values = Enumerable.Range(0, 5000).Select(_ => 250 + 3 * random.NextDouble()).ToArray();

        var fromValues = SampleSummary.FromValues(values);
        var fromSums = SampleSummary.FromSums(values.Length, values.Sum(), values.Sum(v => v * v));

        Assert.Equal(fromValues.Mean, fromSums.Mean, 1e-12);
        Assert.True(Math.Abs(fromSums.Variance / fromValues.Variance - 1) < 1e-9, $"{fromSums.Variance} vs {fromValues.Variance}");
    }

    [Fact]
    public void RandomSamples_Tests_GiveProbabilitiesAndIntervalsContainingEstimates()
    {
        var random = new Random(20261124);
        for (int run = 0; run < 200; run++)
        {
            // Arrange: sizes from 2 to 400, continuous or heavily tied values, shifted or not.
            int m = random.Next(2, run % 4 == 0 ? 12 : 400), n = random.Next(2, run % 3 == 0 ? 12 : 400);
            bool tied = run % 2 == 0;
            double shift = random.NextDouble() - 0.5;
            double[] control = Draw(random, m, 0, tied), variant = Draw(random, n, shift, tied);

            // Act
            var welch = WelchTTest.Run(control, variant);
            var rank = MannWhitneyUTest.Run(control, variant);
            var mirrored = MannWhitneyUTest.Run(variant, control);

            // Assert
            foreach (var result in new[] { welch, rank })
            {
                if (!result.IsComputable) continue;
                Assert.InRange(result.PValue, 0.0, 1.0);
                Assert.True(result.ConfidenceInterval.Contains(result.Estimate), $"{result.Method} run {run}");
            }

            if (rank.IsComputable) Assert.Equal((double)m * n, rank.Statistic + mirrored.Statistic, 6);
        }
    }

    private static double[] Draw(Random random, int size, double shift, bool tied) =>
        Enumerable.Range(0, size).Select(_ => tied ? Math.Floor(4 * random.NextDouble() + shift) : random.NextDouble() + shift).ToArray();

    [Fact]
    public void MedianDifferenceBootstrap_SameSeed_ReproducesAndCoversShift()
    {
        // Arrange: variant is control shifted by +5 with noise; medians differ by about 5.
        var data = new Random(11);
        double[] control = Enumerable.Range(0, 400).Select(_ => 100 * data.NextDouble()).ToArray();
        double[] variant = Enumerable.Range(0, 300).Select(_ => 5 + 100 * data.NextDouble()).ToArray();

        // Act
        var first = MedianDifferenceBootstrap.Run(control, variant, new Random(42), resamples: 500);
        var second = MedianDifferenceBootstrap.Run(control, variant, new Random(42), resamples: 500);

        // Assert
        Assert.Equal(first, second);
        Assert.True(first.ConfidenceInterval.Contains(first.Estimate));
        Assert.True(first.ConfidenceInterval.Contains(5.0), $"{first}");
        Assert.InRange(first.ConfidenceInterval.Width, 5.0, 20.0); // ≈ 2 · 1.96 · 2.7, the median difference's SE
    }

    [Fact]
    public void MedianDifferenceBootstrap_OddAndEvenSizes_UsesTrueMedians()
    {
        var result = MedianDifferenceBootstrap.Run([1.0, 9.0, 3.0], [10.0, 2.0, 4.0, 8.0], new Random(1), resamples: 100);

        Assert.Equal(6.0 - 3.0, result.Estimate);
    }
}
