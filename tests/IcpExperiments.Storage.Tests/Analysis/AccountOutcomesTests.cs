using IcpExperiments.Core.Outcomes;
using IcpExperiments.Storage.Analysis;

namespace IcpExperiments.Storage.Tests.Analysis;

public sealed class AccountOutcomesTests
{
    private static readonly DateTimeOffset Enrolled = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToObservation_NoEvent_IsOpen()
    {
        // Arrange
        var sut = default(AccountOutcomes);

        // Act
        var observation = sut.ToObservation(Enrolled);

        // Assert
        Assert.Null(observation.Outcome);
        Assert.Null(sut.AcvCurrency);
    }

    [Fact]
    public void Add_LostThenRevivedAndWon_ConversionWins()
    {
        // Arrange
        var sut = default(AccountOutcomes);

        // Act
        sut.Add(OutcomeKind.Lost, Day(10), null, null, null);
        sut.Add(OutcomeKind.Converted, Day(40), 5_000m, "USD", 39.5);
        sut.Add(OutcomeKind.Lost, Day(60), null, null, null);

        // Assert
        var observation = sut.ToObservation(Enrolled);
        Assert.Equal((OutcomeKind.Converted, Enrolled.AddDays(40), 5_000m, 39.5), (observation.Outcome, observation.OccurredAt, observation.Acv, observation.CycleDays));
        Assert.Equal("USD", sut.AcvCurrency);
    }

    [Fact]
    public void Add_TwoConversionsInAnyOrder_EarliestWins()
    {
        // Arrange
        var first = default(AccountOutcomes);
        var second = default(AccountOutcomes);

        // Act
        first.Add(OutcomeKind.Converted, Day(30), 1m, "USD", null);
        first.Add(OutcomeKind.Converted, Day(20), 2m, "USD", null);
        second.Add(OutcomeKind.Converted, Day(20), 2m, "USD", null);
        second.Add(OutcomeKind.Converted, Day(30), 1m, "USD", null);

        // Assert
        Assert.Equal(2m, first.ToObservation(Enrolled).Acv);
        Assert.Equal(first.ToObservation(Enrolled), second.ToObservation(Enrolled));
    }

    [Fact]
    public void Add_TwoConversionsAtTheSameInstant_LargerAcvWinsWhateverTheOrder()
    {
        // Arrange
        var sut = default(AccountOutcomes);

        // Act
        sut.Add(OutcomeKind.Converted, Day(20), 9m, "USD", null);
        sut.Add(OutcomeKind.Converted, Day(20), 3m, "USD", null);

        // Assert
        Assert.Equal(9m, sut.ToObservation(Enrolled).Acv);
    }

    [Fact]
    public void Add_OnlyLosses_LatestLossCounts()
    {
        // Arrange
        var sut = default(AccountOutcomes);

        // Act
        sut.Add(OutcomeKind.Lost, Day(50), null, null, null);
        sut.Add(OutcomeKind.Lost, Day(10), null, null, null);

        // Assert
        Assert.Equal((OutcomeKind.Lost, Enrolled.AddDays(50)), (sut.ToObservation(Enrolled).Outcome, sut.ToObservation(Enrolled).OccurredAt));
    }

    private static long Day(int days) => Enrolled.AddDays(days).UtcTicks;
}
