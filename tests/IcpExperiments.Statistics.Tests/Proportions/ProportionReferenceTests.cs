using IcpExperiments.Statistics.Proportions;
using IcpExperiments.Statistics.Tests.References;

namespace IcpExperiments.Statistics.Tests.Proportions;

/// <summary>Conversion tests against statsmodels, scipy and R fisher.test (proportions.json).</summary>
public class ProportionReferenceTests
{
    public static IEnumerable<object[]> Cases => ReferenceCases.Load("proportions.json");

    private static (long X1, long N1, long X2, long N2) Table(ReferenceCase c) =>
        ((long)c.Input("x1"), (long)c.Input("n1"), (long)c.Input("x2"), (long)c.Input("n2"));

    private static bool Has(ReferenceCase c, string name) => c.Expected.TryGetProperty(name, out _);

    [Theory]
    [MemberData(nameof(Cases))]
    public void TwoProportionZTest_ReferenceTable_MatchesStatsmodels(ReferenceCase c)
    {
        var (x1, n1, x2, n2) = Table(c);

        var result = TwoProportionZTest.Run(x1, n1, x2, n2);

        Assert.Equal(Has(c, "z"), result.IsComputable);
        if (!result.IsComputable) return;
        Approx.Equal(c.ExpectedValue("z"), result.Statistic, c.RelativeTolerance, 0, "z");
        Approx.Equal(c.ExpectedValue("z_p"), result.PValue, c.RelativeTolerance, 0, "p");
        Approx.Equal(c.ExpectedValue("difference"), result.Estimate, c.RelativeTolerance, 1e-16, "difference");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ChiSquareTest2x2_ReferenceTable_MatchesScipyWithAndWithoutYates(ReferenceCase c)
    {
        var (x1, n1, x2, n2) = Table(c);

        var plain = ChiSquareTest2x2.Run(x1, n1, x2, n2, yatesCorrection: false);
        var yates = ChiSquareTest2x2.Run(x1, n1, x2, n2, yatesCorrection: true);

        Assert.Equal(Has(c, "chi2"), plain.IsComputable);
        Assert.Equal(Has(c, "yates"), yates.IsComputable);
        if (!plain.IsComputable) return;
        Approx.Equal(c.ExpectedValue("chi2"), plain.Statistic, c.RelativeTolerance, 1e-300, "chi2");
        Approx.Equal(c.ExpectedValue("chi2_p"), plain.PValue, c.RelativeTolerance, 0, "chi2 p");
        Approx.Equal(c.ExpectedValue("yates"), yates.Statistic, c.RelativeTolerance, 1e-300, "yates");
        Approx.Equal(c.ExpectedValue("yates_p"), yates.PValue, c.RelativeTolerance, 0, "yates p");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FisherExactTest_ReferenceTable_MatchesR(ReferenceCase c)
    {
        var (x1, n1, x2, n2) = Table(c);

        var result = FisherExactTest.Run(x1, n1, x2, n2);

        Approx.Equal(c.ExpectedValue("fisher_p"), result.PValue, c.RelativeTolerance, 0, "fisher p");
        Approx.Equal(c.ExpectedValue("odds_ratio"), result.Statistic, c.RelativeTolerance, 0, "odds ratio");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Intervals_ReferenceTable_MatchStatsmodels(ReferenceCase c)
    {
        var (x1, n1, x2, n2) = Table(c);

        var control = WilsonInterval.Compute(x1, n1);
        var variant = WilsonInterval.Compute(x2, n2);
        var newcombe = NewcombeInterval.Difference(x1, n1, x2, n2);

        // Absolute floor 1e-15: bounds at 0 or 1 are exact here, statsmodels gives them with rounding noise.
        Approx.Equal(c.ExpectedValue("wilson_control_lower"), control.Lower, c.RelativeTolerance, 1e-15, "control lower");
        Approx.Equal(c.ExpectedValue("wilson_control_upper"), control.Upper, c.RelativeTolerance, 1e-15, "control upper");
        Approx.Equal(c.ExpectedValue("wilson_variant_lower"), variant.Lower, c.RelativeTolerance, 1e-15, "variant lower");
        Approx.Equal(c.ExpectedValue("wilson_variant_upper"), variant.Upper, c.RelativeTolerance, 1e-15, "variant upper");
        Approx.Equal(c.ExpectedValue("newcombe_lower"), newcombe.Lower, c.RelativeTolerance, 1e-15, "newcombe lower");
        Approx.Equal(c.ExpectedValue("newcombe_upper"), newcombe.Upper, c.RelativeTolerance, 1e-15, "newcombe upper");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RelativeLift_ReferenceTable_MatchesStatsmodelsLogRatio(ReferenceCase c)
    {
        var (x1, n1, x2, n2) = Table(c);

        var lift = RelativeLift.Compute(x1, n1, x2, n2);

        Assert.Equal(Has(c, "lift"), lift.IsComputable);
        if (!lift.IsComputable) return;
        Approx.Equal(c.ExpectedValue("lift"), lift.Estimate, c.RelativeTolerance, 1e-15, "lift");
        Approx.Equal(c.ExpectedValue("lift_lower"), lift.ConfidenceInterval.Lower, c.RelativeTolerance, 1e-15, "lift lower");
        Approx.Equal(c.ExpectedValue("lift_upper"), lift.ConfidenceInterval.Upper, c.RelativeTolerance, 1e-15, "lift upper");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ConversionTest_ReferenceTable_ChoosesFisherOnlyForSmallExpectedCells(ReferenceCase c)
    {
        var (x1, n1, x2, n2) = Table(c);

        var result = ConversionTest.Run(x1, n1, x2, n2);

        string expectedMethod = c.Expected.GetProperty("default_method").GetString()!;
        Assert.Equal(expectedMethod == "fisher" ? FisherExactTest.Method : TwoProportionZTest.Method, result.Method);
        Assert.StartsWith(expectedMethod == "fisher" ? "Fisher exact used: expected cell < 5" : "z-test used", result.Notes[0]);
        Approx.Equal(c.ExpectedValue(expectedMethod == "fisher" ? "fisher_p" : "z_p"), result.PValue, c.RelativeTolerance, 0, "p");
    }
}
