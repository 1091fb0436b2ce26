using IcpExperiments.Statistics.Proportions;

namespace IcpExperiments.Statistics.Tests.Proportions;

public class ProportionPropertyTests
{
    [Theory]
    [InlineData(-1, 10, 1, 10)]
    [InlineData(11, 10, 1, 10)]
    [InlineData(1, 0, 1, 10)]
    [InlineData(1, 10, 1, -10)]
    public void ConversionTests_InvalidCounts_Throw(long x1, long n1, long x2, long n2)
    {
        Assert.ThrowsAny<ArgumentException>(() => TwoProportionZTest.Run(x1, n1, x2, n2));
        Assert.ThrowsAny<ArgumentException>(() => FisherExactTest.Run(x1, n1, x2, n2));
        Assert.ThrowsAny<ArgumentException>(() => ChiSquareTest2x2.Run(x1, n1, x2, n2, yatesCorrection: true));
        Assert.ThrowsAny<ArgumentException>(() => ConversionTest.Run(x1, n1, x2, n2));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void ConversionTests_AlphaOutsideOpenUnitInterval_Throw(double alpha)
    {
        Assert.ThrowsAny<ArgumentException>(() => TwoProportionZTest.Run(1, 10, 2, 10, alpha));
        Assert.ThrowsAny<ArgumentException>(() => WilsonInterval.Compute(1, 10, alpha));
    }

    [Fact]
    public void TwoProportionZTest_NoConversions_IsNotComputableWithReason()
    {
        var result = TwoProportionZTest.Run(0, 100, 0, 120);

        Assert.False(result.IsComputable);
        Assert.Contains("no conversions", result.Notes[0]);
    }

    [Fact]
    public void RandomTables_AllTests_GiveProbabilitiesAndIntervalsContainingEstimates()
    {
        // Arrange: seeded tables from tiny to large, including zeros and all-converted arms.
        var random = new Random(20261123);
        for (int i = 0; i < 300; i++)
        {
            long n1 = random.Next(1, i % 3 == 0 ? 30 : 200_000), n2 = random.Next(1, i % 5 == 0 ? 30 : 200_000);
            long x1 = (long)(random.NextDouble() * random.NextDouble() * (n1 + 1)), x2 = (long)(random.NextDouble() * random.NextDouble() * (n2 + 1));
            x1 = Math.Min(x1, n1);
            x2 = Math.Min(x2, n2);

            // Act
            var fisher = FisherExactTest.Run(x1, n1, x2, n2);
            var chosen = ConversionTest.Run(x1, n1, x2, n2);
            var control = WilsonInterval.Compute(x1, n1);
            var lift = RelativeLift.Compute(x1, n1, x2, n2);

            // Assert
            string table = $"{x1}/{n1} vs {x2}/{n2}";
            Assert.InRange(fisher.PValue, 0.0, 1.0);
            Assert.True(chosen.IsComputable ? chosen.PValue is >= 0 and <= 1 : chosen.Notes.Count > 0, table);
            Assert.True(fisher.ConfidenceInterval.Contains(fisher.Estimate), $"Newcombe excludes the difference: {table}");
            Assert.True(control.Contains((double)x1 / n1) && control.Lower >= 0 && control.Upper <= 1, $"Wilson: {table}");
            if (lift.IsComputable) Assert.True(lift.ConfidenceInterval.Contains(lift.Estimate), $"lift: {table}");
        }
    }

    [Fact]
    public void FisherExactTest_TenMillionAccountsPerArm_IsFastAndAgreesWithZTest()
    {
        // Arrange: a 2-point lift on 10M accounts per arm, far beyond what summing the whole support would allow.
        var watch = System.Diagnostics.Stopwatch.StartNew();

        // Act
        var result = FisherExactTest.Run(1_000_000, 10_000_000, 1_002_000, 10_000_000);

        // Assert: the z-test agrees at this size (both small) and the exact test stayed cheap.
        var z = TwoProportionZTest.Run(1_000_000, 10_000_000, 1_002_000, 10_000_000);
        Assert.InRange(result.PValue / z.PValue, 0.9, 1.1);
        Assert.True(watch.ElapsedMilliseconds < 500, $"took {watch.ElapsedMilliseconds} ms");
    }
}
