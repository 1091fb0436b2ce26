using IcpExperiments.Statistics.Distributions;
using IcpExperiments.Statistics.Sequential;

namespace IcpExperiments.Statistics.Tests.Sequential;

/// <summary>
/// Seeded A/A simulation that can fail: looking after every batch, the always-valid p-value keeps the
/// false-positive rate at or below alpha while the naive fixed-horizon z-test, looked at the same way, exceeds it.
/// The large version (thousands of runs) is the "aa-simulation" benchmark.
/// </summary>
public sealed class PeekingSimulationTests
{
    private const double Alpha = 0.05;
    private const int Runs = 300;
    private const int Looks = 20;
    private const int BatchPerArm = 50;
    private const double ConversionRate = 0.2;

    [Fact]
    public void AaExperimentWithLookAfterEveryBatch_SequentialStaysAtAlphaWhileNaiveExceedsIt()
    {
        // Arrange
        var random = new Random(20261123);
        var design = new SequentialDesign(Alpha, 2L * Looks * BatchPerArm);
        int sequentialRejections = 0, naiveRejections = 0;

        // Act
        for (int run = 0; run < Runs; run++)
        {
            long control = 0, variant = 0, n = 0;
            bool sequentialRejected = false, naiveRejected = false;
            for (int look = 0; look < Looks; look++)
            {
                for (int i = 0; i < BatchPerArm; i++)
                {
                    control += random.NextDouble() < ConversionRate ? 1 : 0;
                    variant += random.NextDouble() < ConversionRate ? 1 : 0;
                }

                n += BatchPerArm;
                sequentialRejected |= SequentialTest.Proportions(control, n, variant, n, design).PValue <= Alpha;
                naiveRejected |= PooledZTestP(control, variant, n) <= Alpha;
            }

            sequentialRejections += sequentialRejected ? 1 : 0;
            naiveRejections += naiveRejected ? 1 : 0;
        }

        // Assert
        double sequentialRate = (double)sequentialRejections / Runs, naiveRate = (double)naiveRejections / Runs;
        Assert.True(sequentialRate <= Alpha, $"sequential false-positive rate {sequentialRate} > {Alpha}");
        Assert.True(naiveRate > 2 * Alpha, $"naive peeking false-positive rate {naiveRate} did not exceed 2·alpha");
    }

    /// <summary>The fixed-horizon pooled two-proportion z test, written out here so the test has no other dependency.</summary>
    private static double PooledZTestP(long control, long variant, long n)
    {
        double pooled = (control + variant) / (2.0 * n);
        double se = Math.Sqrt(pooled * (1 - pooled) * 2.0 / n);
        return se > 0 ? Normal.TwoSidedP((variant - control) / (double)n / se) : 1.0;
    }
}
