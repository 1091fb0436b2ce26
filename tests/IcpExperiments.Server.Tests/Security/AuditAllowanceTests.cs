extern alias server;

using Microsoft.Extensions.Time.Testing;
using AuditAllowance = server::IcpExperiments.Server.Security.Audit.AuditAllowance;

namespace IcpExperiments.Server.Tests.Security;

public sealed class AuditAllowanceTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 5, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryTake_BeyondThePerMinuteLimit_RefusesAndCountsUntilTheNextWindow()
    {
        var sut = new AuditAllowance(perMinute: 3, time);
        var granted = Enumerable.Range(0, 10).Count(i => sut.TryTake(out var _));

        time.Advance(TimeSpan.FromMinutes(1));
        var next = sut.TryTake(out var refusedBefore);

        Assert.Equal(3, granted);
        Assert.True(next);
        Assert.Equal(7, refusedBefore);
    }

    [Fact]
    public void TryTake_ZeroPerMinute_NeverGrants()
    {
        var sut = new AuditAllowance(perMinute: 0, time);

        var granted = Enumerable.Range(0, 5).Count(i => sut.TryTake(out var _));

        Assert.Equal(0, granted);
    }

    [Fact]
    public void TryTake_WithinTheLimit_ReportsNothingLeftOut()
    {
        var sut = new AuditAllowance(perMinute: 2, time);

        sut.TryTake(out var first);
        sut.TryTake(out var second);

        Assert.Equal(0, first);
        Assert.Equal(0, second);
    }
}
