namespace IcpExperiments.Statistics.Tests.References;

/// <summary>Tolerance assertions for numerical tests: relative error, with an absolute floor for values near zero.</summary>
public static class Approx
{
    public static void Equal(double expected, double actual, double relativeTolerance, double absoluteTolerance = 0, string? what = null)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual:R}");
            return;
        }

        if (double.IsInfinity(expected))
        {
            Assert.True(expected == actual, $"{what}: expected {expected}, got {actual:R}");
            return;
        }

        double error = Math.Abs(actual - expected);
        double allowed = Math.Max(absoluteTolerance, relativeTolerance * Math.Abs(expected));
        Assert.True(error <= allowed, $"{what}: expected {expected:R}, got {actual:R} (error {error:E3} > allowed {allowed:E3})");
    }
}
