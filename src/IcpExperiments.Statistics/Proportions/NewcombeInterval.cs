using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Statistics.Proportions;

/// <summary>
/// Newcombe's hybrid score interval (method 10) for the difference of two proportions, built from the arms' Wilson
/// intervals; well behaved at zero and all conversions. Matches statsmodels
/// <c>confint_proportions_2indep(method="newcomb", compare="diff")</c>.
/// </summary>
public static class NewcombeInterval
{
    /// <summary>Interval for variant rate − control rate at confidence 1 − alpha.</summary>
    public static Interval Difference(long controlSuccesses, long controlTrials, long variantSuccesses, long variantTrials, double alpha = 0.05)
    {
        var table = new ConversionTable(controlSuccesses, controlTrials, variantSuccesses, variantTrials);
        return Difference(table, alpha);
    }

    internal static Interval Difference(ConversionTable table, double alpha)
    {
        Guard.Alpha(alpha);
        Interval control = WilsonInterval.Compute(table.ControlSuccesses, table.ControlTrials, alpha);
        Interval variant = WilsonInterval.Compute(table.VariantSuccesses, table.VariantTrials, alpha);
        double p1 = table.ControlRate, p2 = table.VariantRate, d = p2 - p1;
        double lower = d - Math.Sqrt(Square(p2 - variant.Lower) + Square(control.Upper - p1));
        double upper = d + Math.Sqrt(Square(variant.Upper - p2) + Square(p1 - control.Lower));
        return new Interval(lower, upper);
    }

    private static double Square(double x) => x * x;
}
