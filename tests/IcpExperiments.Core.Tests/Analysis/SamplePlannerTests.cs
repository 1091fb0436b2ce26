using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Errors;

namespace IcpExperiments.Core.Tests.Analysis;

public sealed class SamplePlannerTests
{
    [Fact]
    public void Plan_TenPercentBaselineTwentyPercentLift_MatchesClassicFormula()
    {
        // (1.95996·√(2·0.11·0.89) + 0.84162·√(0.1·0.9 + 0.12·0.88))² / 0.02² = 3840.9 accounts per arm.
        var plan = SamplePlanner.Plan(new SamplePlanRequest(0.1, 0.2, AccountsPerDay: 100));

        Assert.Equal(3841, plan.AccountsPerArm);
        Assert.Equal(7682, plan.TotalAccounts);
        Assert.Equal(76.82, plan.Days!.Value, 1e-9);
        Assert.InRange(plan.AchievedPower, 0.8, 0.8005);
        Assert.Null(plan.RevenueAccountsPerArm);
    }

    [Fact]
    public void Plan_ThreeArms_SplitsAlphaAndNeedsMorePerArm()
    {
        var two = SamplePlanner.Plan(new SamplePlanRequest(0.1, 0.2));
        var three = SamplePlanner.Plan(new SamplePlanRequest(0.1, 0.2, Arms: 3));

        Assert.Equal(0.025, three.AlphaPerComparison, 1e-15);
        Assert.True(three.AccountsPerArm > two.AccountsPerArm);
        Assert.Equal(3 * three.AccountsPerArm, three.TotalAccounts);
    }

    [Fact]
    public void Plan_WithAcvSpread_RevenuePlanNeedsMoreAccountsThanConversion()
    {
        var plan = SamplePlanner.Plan(new SamplePlanRequest(0.1, 0.2, AccountsPerDay: 50, AcvMean: 20_000, AcvStandardDeviation: 15_000));

        Assert.True(plan.RevenueAccountsPerArm > plan.AccountsPerArm);
        Assert.Equal(plan.RevenueAccountsPerArm!.Value * 2 / 50.0, plan.RevenueDays!.Value, 1e-9);
    }

    [Fact]
    public void Plan_InvalidInputs_ReportsEveryField()
    {
        var request = new SamplePlanRequest(1.2, -0.1, Alpha: 0, Power: 1, Arms: 1, AccountsPerDay: 0);

        var error = Assert.Throws<ValidationFailedException>(() => SamplePlanner.Plan(request));

        Assert.Equal(
            ["baseline_conversion", "minimum_detectable_effect", "alpha", "power", "arms", "accounts_per_day"],
            error.Violations.Select(v => v.Field));
    }
}
