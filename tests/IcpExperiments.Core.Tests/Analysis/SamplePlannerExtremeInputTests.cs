using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Errors;

namespace IcpExperiments.Core.Tests.Analysis;

/// <summary>Absurd but finite inputs (found by the hostile-input test) are field violations or sane plans, never another exception.</summary>
public sealed class SamplePlannerExtremeInputTests
{
    [Theory]
    [InlineData(0.1, 1e-300, null, null, null)]
    [InlineData(0.1, 1e-12, null, null, 1e308)]
    [InlineData(0.1, 1e-12, null, null, double.Epsilon)]
    [InlineData(0.5, 0.5, null, null, double.Epsilon)]
    [InlineData(0.1, 0.2, 1e308, 1e308, 1e308)]
    [InlineData(0.1, 0.2, 1e308, 0.0, 1.0)]
    [InlineData(0.1, 0.2, double.Epsilon, 0.0, 1.0)]
    [InlineData(0.1, 0.2, double.Epsilon, double.Epsilon, 1.0)]
    [InlineData(0.1, 1e-300, 1.0, 2.0, 1.0)]
    [InlineData(double.Epsilon, 0.2, 1.0, 2.0, 1.0)]
    [InlineData(0.999999, 1e-7, null, null, null)]
    public void Plan_ExtremeInputs_ValidationErrorOrSanePlan(double baseline, double mde, double? acvMean, double? acvSd, double? perDay)
    {
        var request = new SamplePlanRequest(baseline, mde, AccountsPerDay: perDay, AcvMean: acvMean, AcvStandardDeviation: acvSd);

        SamplePlan? plan = null;
        var error = Record.Exception(() => plan = SamplePlanner.Plan(request));

        if (error is not null)
        {
            Assert.IsType<ValidationFailedException>(error);
            return;
        }

        Assert.InRange(plan!.AccountsPerArm, 1, SamplePlanner.MaxAccountsPerArm);
        Assert.InRange(plan.TotalAccounts, plan.AccountsPerArm, long.MaxValue);
        Assert.True(plan.Days is null || (double.IsFinite(plan.Days.Value) && plan.Days >= 0));
        Assert.True(plan.RevenueAccountsPerArm is null or (>= 1 and <= SamplePlanner.MaxAccountsPerArm));
        Assert.True(plan.RevenueDays is null || (double.IsFinite(plan.RevenueDays.Value) && plan.RevenueDays >= 0));
        Assert.True(double.IsFinite(plan.AchievedPower));
    }
}
