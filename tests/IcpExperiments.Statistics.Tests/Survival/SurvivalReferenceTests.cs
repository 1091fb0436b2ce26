using IcpExperiments.Statistics.Survival;
using IcpExperiments.Statistics.Tests.References;
using static IcpExperiments.Statistics.Tests.Survival.SurvivalFixture;

namespace IcpExperiments.Statistics.Tests.Survival;

/// <summary>Kaplan–Meier, median, log-rank and RMST against R survival (survival.json).</summary>
public sealed class SurvivalReferenceTests
{
    public static IEnumerable<object[]> Cases => ReferenceCases.Load("survival.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void KaplanMeierEstimate_ReferenceCase_MatchesSurvfit(ReferenceCase testCase)
    {
        foreach (string arm in new[] { "control", "variant" })
        {
            // Arrange
            var sample = Arm(testCase, arm);

            // Act
            var curve = KaplanMeier.Estimate(sample, testCase.Input("confidence"));

            // Assert
            double rtol = testCase.RelativeTolerance;
            var times = ExpectedArray(testCase, $"{arm}_times");
            var atRisk = ExpectedArray(testCase, $"{arm}_at_risk");
            var events = ExpectedArray(testCase, $"{arm}_events");
            var survival = ExpectedArray(testCase, $"{arm}_survival");
            var standardError = ExpectedArray(testCase, $"{arm}_std_err");
            var lower = ExpectedArray(testCase, $"{arm}_lower");
            var upper = ExpectedArray(testCase, $"{arm}_upper");
            Assert.Equal(times.Length, curve.Points.Length);
            for (int i = 0; i < times.Length; i++)
            {
                var point = curve.Points[i];
                string at = $"{testCase.Name} {arm} t={times[i]}";
                Assert.Equal(times[i], point.Time);
                Assert.Equal(atRisk[i], point.AtRisk);
                Assert.Equal(events[i], point.Events);
                Approx.Equal(survival[i], point.Survival, rtol, 1e-15, $"{at} S");
                Approx.Equal(standardError[i], point.StandardError, rtol, 1e-15, $"{at} se");
                Approx.Equal(lower[i], point.ConfidenceInterval.Lower, rtol, 1e-15, $"{at} lower");
                Approx.Equal(upper[i], point.ConfidenceInterval.Upper, rtol, 1e-15, $"{at} upper");
            }

            Approx.Equal(testCase.ExpectedValue($"{arm}_median"), curve.Median.Estimate, rtol, 0, $"{arm} median");
            Approx.Equal(testCase.ExpectedValue($"{arm}_median_lower"), curve.Median.ConfidenceInterval.Lower, rtol, 0, $"{arm} median lower");
            Approx.Equal(testCase.ExpectedValue($"{arm}_median_upper"), curve.Median.ConfidenceInterval.Upper, rtol, 0, $"{arm} median upper");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LogRankTest_ReferenceCase_MatchesSurvdiff(ReferenceCase testCase)
    {
        // Arrange
        var control = Arm(testCase, "control");
        var variant = Arm(testCase, "variant");

        // Act
        var result = LogRank.Test(control, variant, testCase.Input("confidence"));

        // Assert
        double rtol = testCase.RelativeTolerance;
        Assert.True(result.Test.IsComputable);
        Approx.Equal(testCase.ExpectedValue("logrank_chisq"), result.Test.Statistic, rtol, 0, "chisq");
        Approx.Equal(testCase.ExpectedValue("logrank_p"), result.Test.PValue, rtol, 0, "p");
        Approx.Equal(testCase.ExpectedValue("logrank_expected_control"), result.ExpectedControl, rtol, 0, "E control");
        Approx.Equal(testCase.ExpectedValue("logrank_expected_variant"), result.ExpectedVariant, rtol, 0, "E variant");
        Approx.Equal(testCase.ExpectedValue("logrank_variance"), result.Variance, rtol, 0, "V");
        Approx.Equal(testCase.ExpectedValue("peto_hr"), result.Test.Estimate, rtol, 0, "HR");
        Approx.Equal(testCase.ExpectedValue("peto_hr_lower"), result.Test.ConfidenceInterval.Lower, rtol, 0, "HR lower");
        Approx.Equal(testCase.ExpectedValue("peto_hr_upper"), result.Test.ConfidenceInterval.Upper, rtol, 0, "HR upper");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RestrictedMeanSurvivalCompare_ReferenceCase_MatchesSurvfitRmean(ReferenceCase testCase)
    {
        // Arrange
        var control = Arm(testCase, "control");
        var variant = Arm(testCase, "variant");

        // Act
        var result = RestrictedMeanSurvival.Compare(control, variant, testCase.Input("tau"), testCase.Input("confidence"));

        // Assert
        double rtol = testCase.RelativeTolerance;
        Approx.Equal(testCase.ExpectedValue("control_rmst"), result.Control.Estimate, rtol, 0, "control rmst");
        Approx.Equal(testCase.ExpectedValue("control_rmst_se"), result.Control.StandardError, rtol, 1e-15, "control se");
        Approx.Equal(testCase.ExpectedValue("variant_rmst"), result.Variant.Estimate, rtol, 0, "variant rmst");
        Approx.Equal(testCase.ExpectedValue("variant_rmst_se"), result.Variant.StandardError, rtol, 1e-15, "variant se");
        Assert.True(result.Difference.IsComputable);
        Approx.Equal(testCase.ExpectedValue("rmst_diff"), result.Difference.Estimate, rtol, 1e-12, "diff");
        Approx.Equal(testCase.ExpectedValue("rmst_diff_lower"), result.Difference.ConfidenceInterval.Lower, rtol, 1e-12, "diff lower");
        Approx.Equal(testCase.ExpectedValue("rmst_diff_upper"), result.Difference.ConfidenceInterval.Upper, rtol, 1e-12, "diff upper");
        Approx.Equal(testCase.ExpectedValue("rmst_diff_p"), result.Difference.PValue, rtol, 0, "diff p");
    }
}
