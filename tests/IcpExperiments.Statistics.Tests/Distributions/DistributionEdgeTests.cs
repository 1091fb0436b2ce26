using IcpExperiments.Statistics.Distributions;

namespace IcpExperiments.Statistics.Tests.Distributions;

public class DistributionEdgeTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void StudentTSf_InvalidDegreesOfFreedom_Throws(double degreesOfFreedom) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Sf(1.0, degreesOfFreedom));

    [Fact]
    public void NormalTails_NaNStatistic_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Normal.Sf(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Normal.TwoSidedP(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChiSquared.Sf(double.NaN, 1));
    }

    [Fact]
    public void StudentTSf_NaNStatistic_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Sf(double.NaN, 5));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Quantiles_ProbabilityOutsideUnitInterval_Throw(double p)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Normal.Quantile(p));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(p, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChiSquared.Quantile(p, 3));
    }

    [Fact]
    public void Quantiles_EndPoints_AreInfinite()
    {
        Assert.Equal(double.NegativeInfinity, Normal.Quantile(0));
        Assert.Equal(double.PositiveInfinity, StudentT.UpperQuantile(0, 2.5));
        Assert.Equal(double.PositiveInfinity, ChiSquared.UpperQuantile(0, 4));
        Assert.Equal(0.0, ChiSquared.Quantile(0, 4));
    }

    [Fact]
    public void StudentT_InfiniteDegreesOfFreedom_IsNormal()
    {
        Assert.Equal(Normal.Sf(2.5), StudentT.Sf(2.5, double.PositiveInfinity));
        Assert.Equal(Normal.UpperQuantile(1e-12), StudentT.UpperQuantile(1e-12, double.PositiveInfinity));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(3.0)]
    [InlineData(7.5)]
    [InlineData(2e6)]
    public void StudentTQuantile_RoundTripsThroughSf_AcrossTail(double degreesOfFreedom)
    {
        // Arrange: probabilities from the centre to the extreme tail.
        double[] targets = [0.4, 1e-3, 1e-12, 1e-50, 1e-200];

        foreach (double q in targets)
        {
            if (degreesOfFreedom > 1e5 && q < 1e-200) continue; // the quantile's tail underflows past 1e-300 anyway
            // Act
            double t = StudentT.UpperQuantile(q, degreesOfFreedom);
            double back = StudentT.Sf(t, degreesOfFreedom);

            // Assert: relative round-trip error consistent with the tail's conditioning.
            Assert.True(Math.Abs(back - q) <= 1e-12 * q * Math.Max(1, t * t), $"ν={degreesOfFreedom} q={q}: t={t}, Sf(t)={back}");
        }
    }
}
