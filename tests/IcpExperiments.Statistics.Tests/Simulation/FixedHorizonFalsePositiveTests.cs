using IcpExperiments.Statistics.Continuous;
using IcpExperiments.Statistics.Proportions;

namespace IcpExperiments.Statistics.Tests.Simulation;

/// <summary>
/// Seeded A/A experiments: with no true difference, a calibrated fixed-horizon test rejects at rate alpha.
/// 400 runs give a binomial standard error of 1.1 points; the band is ±3 SE, so a test with the wrong variance
/// (e.g. unpooled with tiny arms, or a one-sided p doubled wrongly) fails here.
/// </summary>
public class FixedHorizonFalsePositiveTests
{
    private const int Runs = 400;
    private const double Alpha = 0.05;

    private static readonly double AllowedDeviation = 3 * Math.Sqrt(Alpha * (1 - Alpha) / Runs);

    [Fact]
    public void TwoProportionZTest_AAExperiments_RejectAtAlpha()
    {
        var random = new Random(424242);
        int rejections = 0;
        for (int run = 0; run < Runs; run++)
        {
            long control = Binomial(random, 800, 0.08), variant = Binomial(random, 800, 0.08);
            if (TwoProportionZTest.Run(control, 800, variant, 800).PValue < Alpha) rejections++;
        }

        AssertRateNearAlpha(rejections);
    }

    [Fact]
    public void WelchTTest_AAExperimentsOnSkewedAcv_RejectAtAlpha()
    {
        var random = new Random(737373);
        int rejections = 0;
        for (int run = 0; run < Runs; run++)
        {
            // Unequal sizes and a skewed (lognormal) metric, as ACV is; the same distribution in both arms.
            double[] control = LogNormal(random, 300), variant = LogNormal(random, 180);
            if (WelchTTest.Run(control, variant).PValue < Alpha) rejections++;
        }

        AssertRateNearAlpha(rejections);
    }

    private static void AssertRateNearAlpha(int rejections)
    {
        double rate = (double)rejections / Runs;
        Assert.InRange(rate, Alpha - AllowedDeviation, Alpha + AllowedDeviation);
    }

    private static long Binomial(Random random, int trials, double p)
    {
        long successes = 0;
        for (int i = 0; i < trials; i++) if (random.NextDouble() < p) successes++;
        return successes;
    }

    private static double[] LogNormal(Random random, int size)
    {
        var values = new double[size];
        for (int i = 0; i < size; i++)
        {
            double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
            values[i] = Math.Exp(9 + 0.6 * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        return values;
    }
}
