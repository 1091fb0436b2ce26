using IcpExperiments.Statistics.Power;
using IcpExperiments.Statistics.Tests.References;

namespace IcpExperiments.Statistics.Tests.Power;

/// <summary>Sample size and power against statsmodels and an independent SciPy Schoenfeld computation (power.json).</summary>
public sealed class PowerReferenceTests
{
    public static IEnumerable<object[]> Cases => ReferenceCases.Load("power.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void SampleSizeAndPower_ReferenceCase_MatchesReference(ReferenceCase testCase)
    {
        // Arrange
        double rtol = testCase.RelativeTolerance;
        double alpha = testCase.Input("alpha"), power = testCase.Input("power");
        int kind = (int)testCase.Input("kind");

        if (kind == 2)
        {
            // Act
            double hr = testCase.Input("hazard_ratio"), share = testCase.Input("share");
            double events = LogRankPower.EventsNeeded(hr, power, alpha, share);
            double achieved = LogRankPower.Power(hr, testCase.Input("events"), alpha, share);

            // Assert
            Approx.Equal(testCase.ExpectedValue("events_needed"), events, rtol, 0, "events");
            Approx.Equal(testCase.ExpectedValue("power_at_events"), achieved, rtol, 0, "power");
            return;
        }

        // Act
        long controlN = (long)testCase.Input("control_n"), variantN = (long)testCase.Input("variant_n");
        double ratio = testCase.Input("ratio");
        var (plan, powerAtN) = kind == 0
            ? (ProportionPower.SampleSize(testCase.Input("control_rate"), testCase.Input("effect"), power, alpha, ratio),
               ProportionPower.Power(testCase.Input("control_rate"), testCase.Input("effect"), controlN, variantN, alpha))
            : (MeanPower.SampleSize(testCase.Input("effect"), testCase.Input("sd"), power, alpha, ratio),
               MeanPower.Power(testCase.Input("effect"), testCase.Input("sd"), controlN, variantN, alpha));

        // Assert
        Approx.Equal(testCase.ExpectedValue("exact_variant_n"), plan.ExactVariantAccounts, rtol, 0, "exact n");
        Assert.Equal((long)testCase.ExpectedValue("variant_n_plan"), plan.VariantAccounts);
        Assert.Equal((long)testCase.ExpectedValue("control_n_plan"), plan.ControlAccounts);
        Approx.Equal(testCase.ExpectedValue("power_at_plan"), plan.AchievedPower, rtol, 0, "power at plan");
        Approx.Equal(testCase.ExpectedValue("power_at_n"), powerAtN, rtol, 0, "power at n");
        Assert.True(plan.AchievedPower >= power);
    }
}
