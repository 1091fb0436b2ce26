using IcpExperiments.Statistics.Bayesian;
using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Statistics.Tests.Bayesian;

/// <summary>Symmetry, range and degenerate inputs of the Bayesian view.</summary>
public sealed class BayesianBehaviourTests
{
    [Theory]
    [InlineData(5, 100, 9, 100)]
    [InlineData(0, 10, 10, 10)]
    [InlineData(1234, 100000, 1300, 90000)]
    public void BetaBinomialCompare_SwappedArms_ChancesSumToOneAndLossesSwap(long sc, long nc, long sv, long nv)
    {
        // Act
        var forward = BetaBinomialComparison.Compare(sc, nc, sv, nv);
        var backward = BetaBinomialComparison.Compare(sv, nv, sc, nc);

        // Assert
        Assert.Equal(1.0, forward.ChanceToBeatControl + backward.ChanceToBeatControl, 12);
        Assert.Equal(forward.ExpectedLossChoosingVariant, backward.ExpectedLossChoosingControl, 12);
        Assert.InRange(forward.ChanceToBeatControl, 0, 1);
        Assert.True(forward.ExpectedLossChoosingVariant >= 0 && forward.ExpectedLossChoosingControl >= 0);
    }

    [Fact]
    public void BetaBinomialCompare_IdenticalArms_ChanceIsOneHalf()
    {
        // Act
        var result = BetaBinomialComparison.Compare(37, 500, 37, 500);

        // Assert
        Assert.Equal(0.5, result.ChanceToBeatControl, 12);
        Assert.Equal(result.ExpectedLossChoosingVariant, result.ExpectedLossChoosingControl, 14);
    }

    [Fact]
    public void BetaBinomialCompare_MillionTrialsPerArm_StaysFiniteAndFast()
    {
        // Act
        var result = BetaBinomialComparison.Compare(100_000, 1_000_000, 101_000, 1_000_000);

        // Assert
        Assert.InRange(result.ChanceToBeatControl, 0.99, 1);
        Assert.InRange(result.ExpectedLossChoosingVariant, 0, 1e-5);
    }

    [Fact]
    public void NormalCompare_ZeroVariance_NotComputable()
    {
        // Act
        var result = NormalComparison.Compare(new SampleMoments(10, 5, 0), new SampleMoments(10, 6, 0));

        // Assert
        Assert.False(result.IsComputable);
    }

    [Fact]
    public void BetaBinomialCompare_SuccessesAboveTrials_Throws()
    {
        // Act + Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => BetaBinomialComparison.Compare(11, 10, 1, 10));
    }
}
