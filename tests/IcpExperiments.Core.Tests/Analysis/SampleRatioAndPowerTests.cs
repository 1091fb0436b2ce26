using IcpExperiments.Core.Analysis;

namespace IcpExperiments.Core.Tests.Analysis;

public sealed class SampleRatioAndPowerTests
{
    [Fact]
    public void Calculate_AllocationAsPlanned_SampleRatioPasses()
    {
        var design = Designs.TwoArm();
        var snapshot = SyntheticExperiment.Generate(design, Designs.Truths(design, 0.1, 0.1), 10_000, seed: 21);

        var srm = ResultsCalculator.Calculate(snapshot).SampleRatio;

        Assert.False(srm.Failed);
        Assert.True(srm.PValue > 0.001);
    }

    [Fact]
    public void Calculate_AllocationBroken_SampleRatioFails()
    {
        var design = Designs.TwoArm();
        ArmTruth[] truths = [new("control", 0.55, 0.1), new("variant-a", 0.45, 0.1)];
        var snapshot = SyntheticExperiment.Generate(design, truths, 10_000, seed: 22);

        var srm = ResultsCalculator.Calculate(snapshot).SampleRatio;

        Assert.True(srm.Failed);
        Assert.True(srm.PValue < 1e-6);
        Assert.Contains("mismatch", srm.Note);
    }

    [Fact]
    public void Calculate_SmallExperiment_NeedsMoreAccountsAndDaysAtCurrentRate()
    {
        var design = Designs.TwoArm(mde: 0.2);
        var snapshot = SyntheticExperiment.Generate(design, Designs.Truths(design, 0.1, 0.1), 600, seed: 23, enrolmentDays: 30);

        var power = ResultsCalculator.Calculate(snapshot).Power;

        // Two proportions 10% vs 12% at alpha 0.05, power 0.8 need about 3,840 accounts per arm (statsmodels).
        Assert.Null(power.NotComputableReason);
        Assert.InRange(power.AccountsPerArmNeeded!.Value, 2_500, 6_000);
        Assert.Equal(2 * power.AccountsPerArmNeeded.Value - 600, power.AccountsStillNeeded!.Value, tolerance: 2);
        Assert.Equal(20, power.AccountsPerDay!.Value, tolerance: 0.5);
        Assert.Equal(power.AccountsStillNeeded.Value / power.AccountsPerDay.Value, power.DaysStillNeeded!.Value, tolerance: 2);
        Assert.True(power.AchievedPower < 0.3);
    }

    [Fact]
    public void Calculate_LargeExperiment_NothingStillNeeded()
    {
        var design = Designs.TwoArm(mde: 0.3);
        var snapshot = SyntheticExperiment.Generate(design, Designs.Truths(design, 0.2, 0.2), 8_000, seed: 24);

        var power = ResultsCalculator.Calculate(snapshot).Power;

        Assert.Equal(0, power.AccountsStillNeeded);
        Assert.Equal(0, power.DaysStillNeeded);
        Assert.True(power.AchievedPower > 0.99);
    }
}
