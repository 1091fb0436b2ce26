using IcpExperiments.Core.Analysis.Segments;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Tests.Application;

public sealed class SegmentReportCacheTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetOrAddAsync_SameKeyTwice_ComputesOnce()
    {
        // Arrange
        var sut = CreateSut(capacity: 4);
        int computed = 0;

        // Act
        var first = await sut.GetOrAddAsync(Key("exp-1"), Counting(() => computed++), CancellationToken.None);
        var second = await sut.GetOrAddAsync(Key("exp-1"), Counting(() => computed++), CancellationToken.None);

        // Assert
        Assert.Equal(1, computed);
        Assert.Same(first, second);
    }

    [Theory]
    [InlineData("data")]
    [InlineData("etag")]
    [InlineData("as-of")]
    [InlineData("attributes")]
    [InlineData("min")]
    public async Task GetOrAddAsync_AnyPartOfTheKeyChanges_ComputesAgain(string change)
    {
        // Arrange
        var sut = CreateSut(capacity: 4);
        int computed = 0;
        var key = Key("exp-1");
        await sut.GetOrAddAsync(key, Counting(() => computed++), CancellationToken.None);
        var changed = change switch
        {
            "data" => key with { DataVersion = 2 },
            "etag" => key with { Etag = "e2" },
            "as-of" => key with { AsOf = At.AddMinutes(1) },
            "attributes" => key with { Attributes = "industry" },
            _ => key with { MinAccounts = 10 },
        };

        // Act
        await sut.GetOrAddAsync(changed, Counting(() => computed++), CancellationToken.None);

        // Assert
        Assert.Equal(2, computed);
    }

    [Fact]
    public async Task GetOrAddAsync_ComputationFailed_ComputesAgainNextTime()
    {
        // Arrange
        var sut = CreateSut(capacity: 4);
        int computed = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            sut.GetOrAddAsync(Key("exp-1"), _ => { computed++; throw new InvalidOperationException("scan failed"); }, CancellationToken.None));

        // Act
        await sut.GetOrAddAsync(Key("exp-1"), Counting(() => computed++), CancellationToken.None);

        // Assert
        Assert.Equal(2, computed);
    }

    [Fact]
    public async Task GetOrAddAsync_BeyondCapacity_DropsTheLeastRecentlyUsedExperiment()
    {
        // Arrange
        var sut = CreateSut(capacity: 2);
        int computed = 0;
        await sut.GetOrAddAsync(Key("exp-1"), Counting(() => computed++), CancellationToken.None);
        await sut.GetOrAddAsync(Key("exp-2"), Counting(() => computed++), CancellationToken.None);
        await sut.GetOrAddAsync(Key("exp-1"), Counting(() => computed++), CancellationToken.None);

        // Act: exp-3 drops exp-2; exp-1 stays cached.
        await sut.GetOrAddAsync(Key("exp-3"), Counting(() => computed++), CancellationToken.None);
        await sut.GetOrAddAsync(Key("exp-1"), Counting(() => computed++), CancellationToken.None);
        await sut.GetOrAddAsync(Key("exp-2"), Counting(() => computed++), CancellationToken.None);

        // Assert
        Assert.Equal(4, computed);
    }

    private static SegmentReportCache CreateSut(int capacity) => new(capacity);

    private static SegmentCacheKey Key(string experiment) => new(TeamId.Default, experiment, "e1", 1, At, "industry,region", 30);

    private static Func<CancellationToken, Task<SegmentReport>> Counting(Action count) => _ =>
    {
        count();
        return Task.FromResult(new SegmentReport(At, 30, [], 0, SegmentAnalysis.ExploratoryNote));
    };
}
