using IcpExperiments.Statistics.Common;
using IcpExperiments.Statistics.Sequential;

namespace IcpExperiments.Statistics.Tests.Sequential;

/// <summary>Running minimum / intersection over looks and degenerate data.</summary>
public sealed class SequentialBehaviourTests
{
    private static SequentialDesign CreateSut() => new(0.05, 20_000);

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Proportions_WithPreviousLook_PValueNeverIncreasesAndSequenceNeverWidens(int seed)
    {
        // Arrange
        var design = CreateSut();
        var random = new Random(seed);
        long controlSuccesses = 0, variantSuccesses = 0, n = 0;
        TestResult? previous = null;

        for (int look = 0; look < 40; look++)
        {
            for (int i = 0; i < 250; i++)
            {
                controlSuccesses += random.NextDouble() < 0.10 ? 1 : 0;
                variantSuccesses += random.NextDouble() < 0.11 ? 1 : 0;
            }

            n += 250;

            // Act
            var result = SequentialTest.Proportions(controlSuccesses, n, variantSuccesses, n, design, previous);

            // Assert
            Assert.InRange(result.PValue, 0, 1);
            if (previous is not null)
            {
                Assert.True(result.PValue <= previous.PValue);
                Assert.True(result.ConfidenceInterval.Lower >= previous.ConfidenceInterval.Lower);
                Assert.True(result.ConfidenceInterval.Upper <= previous.ConfidenceInterval.Upper);
            }

            previous = result;
        }
    }

    [Fact]
    public void Proportions_NoConversionsAnywhere_NotComputable()
    {
        // Act
        var result = SequentialTest.Proportions(0, 100, 0, 120, CreateSut());

        // Assert
        Assert.False(result.IsComputable);
    }

    [Fact]
    public void Means_SingleAccountArm_NotComputable()
    {
        // Act
        var result = SequentialTest.Means(new SampleMoments(1, 5, 0), new SampleMoments(10, 6, 2), CreateSut());

        // Assert
        Assert.False(result.IsComputable);
    }

    [Fact]
    public void Means_WithoutPrevious_IntervalContainsEstimate()
    {
        // Arrange
        var control = SampleMoments.FromValues([10, 12, 9, 14, 11]);
        var variant = SampleMoments.FromValues([13, 15, 12, 18, 16, 14]);

        // Act
        var result = SequentialTest.Means(control, variant, CreateSut());

        // Assert
        Assert.True(result.ConfidenceInterval.Contains(result.Estimate));
        Assert.InRange(result.PValue, 0, 1);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void SequentialDesign_AlphaOutsideUnitInterval_Throws(double alpha)
    {
        // Act + Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => new SequentialDesign(alpha, 1000));
    }
}
