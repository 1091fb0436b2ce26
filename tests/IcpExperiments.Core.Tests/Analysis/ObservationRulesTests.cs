using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Outcomes;

namespace IcpExperiments.Core.Tests.Analysis;

public sealed class ObservationRulesTests
{
    private const int Window = 180;
    private static readonly DateTimeOffset Enrolled = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Classify_EnrolledAfterAsOf_DoesNotCount()
    {
        var account = new AccountObservation(Enrolled.AddDays(3));

        var seen = ObservationRules.Classify(account, Enrolled.AddDays(2), Window);

        Assert.Null(seen);
    }

    [Fact]
    public void Classify_OpenAtAsOf_CensoredAtAsOf()
    {
        var account = new AccountObservation(Enrolled);

        var seen = ObservationRules.Classify(account, Enrolled.AddDays(40), Window);

        Assert.Equal((AccountStatus.Open, 40.0), seen);
    }

    [Fact]
    public void Classify_OpenBeyondWindow_CensoredAtWindow()
    {
        var account = new AccountObservation(Enrolled);

        var seen = ObservationRules.Classify(account, Enrolled.AddDays(400), Window);

        Assert.Equal((AccountStatus.Open, 180.0), seen);
    }

    [Fact]
    public void Classify_WonAfterAsOf_IsStillOpenAtAsOf()
    {
        var account = Won(daysAfterEnrolment: 50);

        var seen = ObservationRules.Classify(account, Enrolled.AddDays(30), Window);

        Assert.Equal((AccountStatus.Open, 30.0), seen);
    }

    [Fact]
    public void Classify_WonAfterWindow_NotConvertedAndCensoredAtWindow()
    {
        var account = Won(daysAfterEnrolment: 200);

        var seen = ObservationRules.Classify(account, Enrolled.AddDays(365), Window);

        Assert.Equal((AccountStatus.Open, 180.0), seen);
    }

    [Fact]
    public void Classify_WonInsideWindow_ConvertedAtElapsedDays()
    {
        var account = Won(daysAfterEnrolment: 64.5);

        var seen = ObservationRules.Classify(account, Enrolled.AddDays(100), Window);

        Assert.Equal((AccountStatus.Converted, 64.5), seen);
    }

    [Fact]
    public void Classify_WonWithCrmCycleDays_ReportsCrmCycle()
    {
        var account = Won(daysAfterEnrolment: 64) with { CycleDays = 90 };

        var seen = ObservationRules.Classify(account, Enrolled.AddDays(100), Window);

        Assert.Equal((AccountStatus.Converted, 90.0), seen);
    }

    [Fact]
    public void Classify_Lost_CensoredAtLoss()
    {
        var account = new AccountObservation(Enrolled, OutcomeKind.Lost, Enrolled.AddDays(12));

        var seen = ObservationRules.Classify(account, Enrolled.AddDays(100), Window);

        Assert.Equal((AccountStatus.Lost, 12.0), seen);
    }

    [Fact]
    public void Classify_LostAfterWindow_CensoredAtWindow()
    {
        var account = new AccountObservation(Enrolled, OutcomeKind.Lost, Enrolled.AddDays(250));

        var seen = ObservationRules.Classify(account, Enrolled.AddDays(300), Window);

        Assert.Equal((AccountStatus.Lost, 180.0), seen);
    }

    [Fact]
    public void Classify_OutcomeStampedBeforeEnrolment_TakenAtEnrolment()
    {
        var account = Won(daysAfterEnrolment: -1);

        var seen = ObservationRules.Classify(account, Enrolled.AddDays(10), Window);

        Assert.Equal((AccountStatus.Converted, 0.0), seen);
    }

    private static AccountObservation Won(double daysAfterEnrolment) =>
        new(Enrolled, OutcomeKind.Converted, Enrolled.AddDays(daysAfterEnrolment), 12_000m);
}
