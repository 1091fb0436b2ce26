using IcpExperiments.Statistics.VarianceReduction;

namespace IcpExperiments.Statistics.Tests.VarianceReduction;

/// <summary>Degenerate inputs and invariants of the regression adjustment.</summary>
public sealed class CupedBehaviourTests
{
    private static CupedResult CreateSut(double[] yc, double[] xc, double[] yv, double[] xv) => Cuped.Analyze(yc, xc, yv, xv);

    [Fact]
    public void Analyze_ConstantCovariate_AdjustedNotComputableButUnadjustedIs()
    {
        // Act
        var result = CreateSut([1, 2, 3], [5, 5, 5], [2, 4, 5], [5, 5, 5]);

        // Assert
        Assert.False(result.Adjusted.IsComputable);
        Assert.True(result.Unadjusted.IsComputable);
        Assert.Null(result.VarianceReduction);
    }

    [Fact]
    public void Analyze_CovariateExplainsOutcomeExactly_AdjustedNotComputable()
    {
        // Act
        var result = CreateSut([2, 4, 6], [1, 2, 3], [3, 5, 9], [1, 2, 4]);

        // Assert
        Assert.False(result.Adjusted.IsComputable);
        Assert.Equal(2.0, result.Theta!.Value, 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Analyze_RandomCorrelatedData_ReducesVarianceAndIntervalsContainEstimate(int seed)
    {
        // Arrange
        var random = new Random(seed);
        double[] Draw(int n, double shift, out double[] covariate)
        {
            covariate = new double[n];
            var outcome = new double[n];
            for (int i = 0; i < n; i++)
            {
                covariate[i] = random.NextDouble() * 100;
                outcome[i] = shift + 0.9 * covariate[i] + (random.NextDouble() - 0.5) * 20;
            }

            return outcome;
        }

        var yc = Draw(500, 0, out var xc);
        var yv = Draw(450, 2, out var xv);

        // Act
        var result = Cuped.Analyze(yc, xc, yv, xv);

        // Assert
        Assert.InRange(result.VarianceReduction!.Value, 0.5, 1);
        Assert.InRange(result.Adjusted.PValue, 0, 1);
        Assert.True(result.Adjusted.ConfidenceInterval.Contains(result.Adjusted.Estimate));
        Assert.True(result.Adjusted.ConfidenceInterval.Width < result.Unadjusted.ConfidenceInterval.Width);
    }

    [Fact]
    public void Analyze_MismatchedOrNonFiniteInput_Throws()
    {
        // Act + Assert
        Assert.Throws<ArgumentException>(() => CreateSut([1, 2], [1], [1, 2], [1, 2]));
        Assert.Throws<ArgumentException>(() => CreateSut([], [], [1, 2], [1, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CreateSut([1, double.NaN], [1, 2], [1, 2], [1, 2]));
    }
}
