using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Outcomes;
using static IcpExperiments.Core.Tests.Samples;

namespace IcpExperiments.Core.Tests.Analysis;

public sealed class SnapshotBuilderTests
{
    private static readonly DateTimeOffset AsOf = Now;

    [Fact]
    public void Build_MixedAccounts_ColumnsFollowObservationRules()
    {
        var sut = CreateSut();
        sut.AddAccount("variant-a", new AccountObservation(AsOf.AddDays(-30), OutcomeKind.Converted, AsOf.AddDays(-10), 5_000m), "USD");
        sut.AddAccount("variant-a", new AccountObservation(AsOf.AddDays(-20), OutcomeKind.Lost, AsOf.AddDays(-15)));
        sut.AddAccount("variant-a", new AccountObservation(AsOf.AddDays(-5), Covariate: 3.5));

        var arm = sut.Build().Arms[1];

        Assert.Equal([AccountStatus.Converted, AccountStatus.Lost, AccountStatus.Open], arm.Status);
        Assert.Equal([20.0, 5.0, 5.0], arm.Days);
        Assert.Equal(5_000.0, arm.Acv[0]);
        Assert.True(double.IsNaN(arm.Acv[1]) && double.IsNaN(arm.Acv[2]));
        Assert.True(double.IsNaN(arm.Covariate[0]));
        Assert.Equal(3.5, arm.Covariate[2]);
    }

    [Fact]
    public void AddAccount_EnrolledAfterAsOf_NotCounted()
    {
        var sut = CreateSut();

        bool counted = sut.AddAccount("control", new AccountObservation(AsOf.AddMinutes(1)));

        Assert.False(counted);
        Assert.Equal(0, sut.Build().Control.Count);
    }

    [Fact]
    public void Build_ArmsInDesignOrder_ControlFirstWithPlannedAllocation()
    {
        var sut = CreateSut();
        sut.AddAccount("variant-a", new AccountObservation(AsOf.AddDays(-1)));

        var snapshot = sut.Build();

        Assert.Equal(["control", "variant-a"], snapshot.Arms.Select(a => a.Key));
        Assert.Equal(0.5, snapshot.Control.PlannedAllocation);
        Assert.Equal(1, snapshot.TotalAccounts);
    }

    [Fact]
    public void AddAccount_ByArmIndex_SameColumnsAsByKey()
    {
        var byKey = CreateSut();
        var byIndex = CreateSut();
        var won = new AccountObservation(AsOf.AddDays(-30), OutcomeKind.Converted, AsOf.AddDays(-10), 5_000m);

        byKey.AddAccount("variant-a", won, "USD");
        byIndex.AddAccount(1, won, "USD");

        var (expected, actual) = (byKey.Build(), byIndex.Build());
        Assert.Equal(expected.Arms[1].Days, actual.Arms[1].Days);
        Assert.Equal(expected.Arms[1].Acv, actual.Arms[1].Acv);
        Assert.Equal(0, actual.Control.Count);
        Assert.Equal("USD", actual.AcvCurrency);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(40)]
    public void EnsureCapacity_AnyGuess_SameColumnsAsWithout(int guess)
    {
        // Arrange: five accounts in the variant, the capacity guessed too low, exactly or too high.
        var plain = CreateSut();
        var reserved = CreateSut();
        reserved.EnsureCapacity(1, guess);

        // Act
        for (int i = 0; i < 5; i++)
        {
            var account = new AccountObservation(AsOf.AddDays(-30 - i), OutcomeKind.Converted, AsOf.AddDays(-i), 1_000m + i, Covariate: i);
            plain.AddAccount(1, account, "USD");
            reserved.AddAccount(1, account, "USD");
        }

        // Assert
        var (expected, actual) = (plain.Build().Arms[1], reserved.Build().Arms[1]);
        Assert.Equal(5, actual.Count);
        Assert.Equal(expected.EnrolledAt, actual.EnrolledAt);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Days, actual.Days);
        Assert.Equal(expected.Acv, actual.Acv);
        Assert.Equal(expected.Covariate, actual.Covariate);
    }

    [Fact]
    public void AddAccount_ArmIndexOutsideTheDesign_Throws()
    {
        var sut = CreateSut();

        Assert.Throws<ArgumentOutOfRangeException>(() => sut.AddAccount(2, new AccountObservation(AsOf.AddDays(-1))));
    }

    [Fact]
    public void AddSpend_SameCurrency_Sums()
    {
        var sut = CreateSut();

        sut.AddSpend("control", new Money("USD", 100.25m)).AddSpend("control", new Money("USD", 50m));

        var snapshot = sut.Build();
        Assert.Equal(150.25m, snapshot.Control.Spend);
        Assert.Equal("USD", snapshot.SpendCurrency);
    }

    [Fact]
    public void AddSpend_SecondCurrency_Rejected()
    {
        var sut = CreateSut().AddSpend("control", new Money("USD", 1m));

        Assert.Throws<ValidationFailedException>(() => sut.AddSpend("variant-a", new Money("EUR", 1m)));
    }

    [Fact]
    public void AddAccount_UnknownArm_Rejected()
    {
        var sut = CreateSut();

        Assert.Throws<ValidationFailedException>(() => sut.AddAccount("variant-z", new AccountObservation(AsOf)));
    }

    private static SnapshotBuilder CreateSut() => new(Design(), AsOf);
}
