using IcpExperiments.Statistics.Tests.References;
using IcpExperiments.Statistics.VarianceReduction;

namespace IcpExperiments.Statistics.Tests.VarianceReduction;

/// <summary>CUPED against statsmodels OLS with a treatment indicator and the centred covariate (cuped.json).</summary>
public sealed class CupedReferenceTests
{
    public static IEnumerable<object[]> Cases => ReferenceCases.Load("cuped.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void CupedAnalyze_ReferenceCase_MatchesStatsmodelsOls(ReferenceCase testCase)
    {
        // Arrange
        double rtol = testCase.RelativeTolerance;

        // Act
        var result = Cuped.Analyze(
            testCase.InputArray("control_y"), testCase.InputArray("control_x"),
            testCase.InputArray("variant_y"), testCase.InputArray("variant_x"), testCase.Input("confidence"));

        // Assert
        Approx.Equal(testCase.ExpectedValue("estimate"), result.Adjusted.Estimate, rtol, 0, "estimate");
        Approx.Equal(testCase.ExpectedValue("se"), result.AdjustedStandardError!.Value, rtol, 0, "se");
        Approx.Equal(testCase.ExpectedValue("t"), result.Adjusted.Statistic, rtol, 0, "t");
        Approx.Equal(testCase.ExpectedValue("p"), result.Adjusted.PValue, rtol, 0, "p");
        Approx.Equal(testCase.ExpectedValue("lower"), result.Adjusted.ConfidenceInterval.Lower, rtol, 0, "lower");
        Approx.Equal(testCase.ExpectedValue("upper"), result.Adjusted.ConfidenceInterval.Upper, rtol, 0, "upper");
        Approx.Equal(testCase.ExpectedValue("theta"), result.Theta!.Value, rtol, 0, "theta");
        Approx.Equal(testCase.ExpectedValue("unadjusted_estimate"), result.Unadjusted.Estimate, rtol, 0, "raw estimate");
        Approx.Equal(testCase.ExpectedValue("unadjusted_p"), result.Unadjusted.PValue, rtol, 0, "raw p");
        Approx.Equal(testCase.ExpectedValue("unadjusted_lower"), result.Unadjusted.ConfidenceInterval.Lower, rtol, 0, "raw lower");
        Approx.Equal(testCase.ExpectedValue("unadjusted_upper"), result.Unadjusted.ConfidenceInterval.Upper, rtol, 0, "raw upper");
        Approx.Equal(testCase.ExpectedValue("variance_reduction"), result.VarianceReduction!.Value, rtol, 1e-12, "variance reduction");
    }
}
