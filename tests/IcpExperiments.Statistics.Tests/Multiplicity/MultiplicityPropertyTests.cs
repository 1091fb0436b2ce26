using IcpExperiments.Statistics.Diagnostics;
using IcpExperiments.Statistics.Multiplicity;

namespace IcpExperiments.Statistics.Tests.Multiplicity;

public class MultiplicityPropertyTests
{
    [Fact]
    public void Adjustments_RandomFamilies_AreMonotoneAtLeastRawAndCapped()
    {
        var random = new Random(99);
        for (int run = 0; run < 300; run++)
        {
            // Arrange: families of 1–40 p-values, some with ties and exact zeros/ones.
            int m = random.Next(1, 41);
            double[] p = Enumerable.Range(0, m).Select(_ => random.Next(10) switch
            {
                0 => 0.0,
                1 => 1.0,
                2 => 0.05,
                _ => Math.Pow(random.NextDouble(), 4),
            }).ToArray();

            // Act
            foreach (double[] adjusted in new[] { PValueAdjustment.Holm(p), PValueAdjustment.BenjaminiHochberg(p) })
            {
                // Assert
                for (int i = 0; i < m; i++)
                {
                    Assert.InRange(adjusted[i], p[i], 1.0);
                    for (int j = 0; j < m; j++)
                        if (p[i] < p[j]) Assert.True(adjusted[i] <= adjusted[j], $"run {run}: not monotone");
                }
            }

            // Holm controls the family-wise error, BH only the FDR: Holm is never smaller.
            double[] holm = PValueAdjustment.Holm(p), bh = PValueAdjustment.BenjaminiHochberg(p);
            for (int i = 0; i < m; i++) Assert.True(holm[i] >= bh[i] - 1e-15, $"run {run}");
        }
    }

    [Fact]
    public void Adjustments_NaNEntry_StaysNaNAndIsNotCounted()
    {
        double[] holm = PValueAdjustment.Holm([0.01, double.NaN, 0.02]);

        Assert.True(double.IsNaN(holm[1]));
        Assert.Equal([0.02, double.NaN, 0.02], holm);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.PositiveInfinity)]
    public void Adjustments_OutOfRangePValue_Throws(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PValueAdjustment.BenjaminiHochberg([0.1, p]));

    [Fact]
    public void SampleRatioMismatch_NoAccountsYet_IsNotComputableAndNotMismatch()
    {
        var check = SampleRatioMismatch.Check([0, 0], [1.0, 1.0]);

        Assert.False(check.IsComputable);
        Assert.False(check.IsMismatch);
        Assert.Equal("no accounts enrolled yet", check.Notes[0]);
    }

    [Fact]
    public void SampleRatioMismatch_InvalidInput_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => SampleRatioMismatch.Check([10], [1.0]));
        Assert.ThrowsAny<ArgumentException>(() => SampleRatioMismatch.Check([10, -1], [1.0, 1.0]));
        Assert.ThrowsAny<ArgumentException>(() => SampleRatioMismatch.Check([10, 10], [1.0, 0.0]));
        Assert.ThrowsAny<ArgumentException>(() => SampleRatioMismatch.Check([10, 10], [1.0]));
    }
}
