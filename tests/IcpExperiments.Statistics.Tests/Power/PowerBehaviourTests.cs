using IcpExperiments.Statistics.Power;

namespace IcpExperiments.Statistics.Tests.Power;

/// <summary>Running-experiment helpers, monotonicity and argument checks.</summary>
public sealed class PowerBehaviourTests
{
    private static SampleSizePlan CreateSut() => ProportionPower.SampleSize(0.10, 0.02, 0.8, 0.05, controlPerVariant: 1);

    [Fact]
    public void RemainingSampleFrom_HalfwayThrough_ReportsGapAndDays()
    {
        // Arrange
        var plan = CreateSut();
        long control = plan.ControlAccounts / 2, variant = plan.VariantAccounts / 2 - 100;
        double achieved = ProportionPower.Power(0.10, 0.02, control, variant);

        // Act
        var remaining = RemainingSample.From(plan, control, variant, achieved, accountsPerDay: 200);

        // Assert
        Assert.Equal(plan.ControlAccounts - control, remaining.ControlAccountsStillNeeded);
        Assert.Equal(plan.VariantAccounts - variant, remaining.VariantAccountsStillNeeded);
        Assert.Equal(remaining.VariantAccountsStillNeeded / 100.0, remaining.DaysStillNeeded!.Value, 12);
        Assert.InRange(remaining.AchievedPower, 0.05, plan.AchievedPower);
        Assert.False(remaining.IsComplete);
    }

    [Fact]
    public void RemainingSampleFrom_PlanReached_IsComplete()
    {
        // Arrange
        var plan = CreateSut();

        // Act
        var remaining = RemainingSample.From(plan, plan.ControlAccounts + 5, plan.VariantAccounts, plan.AchievedPower, 50);

        // Assert
        Assert.True(remaining.IsComplete);
        Assert.Equal(0, remaining.DaysStillNeeded);
    }

    [Fact]
    public void ProportionPowerPower_MoreAccounts_NeverLess()
    {
        // Arrange
        double previous = 0;

        // Act + Assert
        for (long n = 100; n <= 100_000; n *= 2)
        {
            double power = ProportionPower.Power(0.05, 0.01, n, n);
            Assert.InRange(power, previous, 1);
            previous = power;
        }
    }

    [Fact]
    public void LogRankPowerAccountsNeeded_HalfOfAccountsHaveEvents_DoublesEvents()
    {
        // Arrange
        double events = LogRankPower.EventsNeeded(0.8);

        // Act
        long accounts = LogRankPower.AccountsNeeded(events, 0.5);

        // Assert
        Assert.Equal((long)Math.Ceiling(events / 0.5), accounts);
        // The far rejection tail adds about 1e-6 on top of the requested power.
        Assert.InRange(LogRankPower.Power(0.8, events) - 0.8, 0, 1e-5);
    }

    [Fact]
    public void SampleSize_InvalidArguments_Throw()
    {
        // Act + Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionPower.SampleSize(0.1, 0, 0.8));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionPower.SampleSize(0.95, 0.1, 0.8));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanPower.SampleSize(1, 0, 0.8));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanPower.SampleSize(1, 1, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LogRankPower.EventsNeeded(1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionPower.Power(0.1, 0.01, 0, 10));
    }
}
