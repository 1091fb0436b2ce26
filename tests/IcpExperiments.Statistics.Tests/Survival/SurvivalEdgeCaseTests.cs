using IcpExperiments.Statistics.Survival;

namespace IcpExperiments.Statistics.Tests.Survival;

/// <summary>Degenerate data returns defined results; invalid input throws.</summary>
public sealed class SurvivalEdgeCaseTests
{
    private static SurvivalSample CreateSut(double[] times, bool[] events) => SurvivalSample.Create(times, events);

    [Fact]
    public void KaplanMeierEstimate_AllCensored_MedianNotReachedWithInfiniteUpperBound()
    {
        // Arrange
        var sample = CreateSut([3, 5, 8, 13], [false, false, false, false]);

        // Act
        var curve = KaplanMeier.Estimate(sample);

        // Assert
        Assert.Empty(curve.Points);
        Assert.False(curve.Median.IsReached);
        Assert.Equal(double.PositiveInfinity, curve.Median.Estimate);
        Assert.Equal(13, curve.Median.ConfidenceInterval.Lower);
        Assert.Equal(double.PositiveInfinity, curve.Median.ConfidenceInterval.Upper);
        Assert.Equal(1.0, curve.SurvivalAt(100));
    }

    [Fact]
    public void LogRankTest_ZeroEvents_NotComputable()
    {
        // Arrange
        var control = CreateSut([1, 2, 3], [false, false, false]);
        var variant = CreateSut([2, 4], [false, false]);

        // Act
        var result = LogRank.Test(control, variant);

        // Assert
        Assert.False(result.Test.IsComputable);
        Assert.Contains("No events", result.Test.Notes[0]);
    }

    [Fact]
    public void LogRankTest_AllCensoredControlWithVariantEvents_IsComputable()
    {
        // Arrange
        var control = CreateSut([10, 10, 10, 10], [false, false, false, false]);
        var variant = CreateSut([1, 2, 3, 4], [true, true, true, true]);

        // Act
        var result = LogRank.Test(control, variant);

        // Assert
        Assert.True(result.Test.IsComputable);
        Assert.InRange(result.Test.PValue, 0, 0.05);
        Assert.True(result.Test.Estimate > 1);
    }

    [Fact]
    public void RestrictedMeanSurvivalEstimate_HorizonBeyondFollowUp_NotComputable()
    {
        // Arrange
        var sample = CreateSut([1, 2, 5], [true, false, false]);

        // Act
        var rmst = RestrictedMeanSurvival.Estimate(sample, 6);

        // Assert
        Assert.False(rmst.IsComputable);
        Assert.True(double.IsNaN(rmst.Estimate));
    }

    [Fact]
    public void RestrictedMeanSurvivalCompare_NoEventsBeforeHorizon_DifferenceNotComputable()
    {
        // Arrange
        var control = CreateSut([5, 6, 7], [false, true, false]);
        var variant = CreateSut([8, 9], [false, false]);

        // Act
        var result = RestrictedMeanSurvival.Compare(control, variant, 4);

        // Assert
        Assert.Equal(4, result.Control.Estimate);
        Assert.Equal(4, result.Variant.Estimate);
        Assert.False(result.Difference.IsComputable);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void SurvivalSampleCreate_InvalidTime_Throws(double badTime)
    {
        // Act + Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => CreateSut([1, badTime], [true, false]));
    }

    [Fact]
    public void SurvivalSampleCreate_LengthMismatchOrEmpty_Throws()
    {
        // Act + Assert
        Assert.Throws<ArgumentException>(() => CreateSut([1, 2], [true]));
        Assert.Throws<ArgumentException>(() => CreateSut([], []));
    }
}
