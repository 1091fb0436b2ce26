using System.Diagnostics;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Teams;
using IcpExperiments.Core.Tests.Analysis;
using IcpExperiments.Core.Tests.Fakes;

namespace IcpExperiments.Core.Tests.Application;

public sealed class ResultsWatcherTests
{
    private static readonly TeamId Team = new("team-a");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly FakeAnalysisDataSource source = new(Team, Running());
    private readonly ExperimentChangeSignal signal = new();

    [Fact]
    public async Task WatchAsync_ChangeSignalled_PushesTheNewAnalysisPromptly()
    {
        // Arrange
        var sut = CreateSut(poll: TimeSpan.FromMinutes(5));
        using var cancel = new CancellationTokenSource(Patience);
        await using var feed = sut.WatchAsync(Team, "exp-1", new AnalysisRequest(), cancel.Token).GetAsyncEnumerator(cancel.Token);
        Assert.True(await feed.MoveNextAsync());
        var first = feed.Current;

        // Act
        source.DataVersion++;
        signal.Notify(Team, "exp-1");
        var clock = Stopwatch.StartNew();
        Assert.True(await feed.MoveNextAsync());

        // Assert
        Assert.Equal(first.DataVersion + 1, feed.Current.DataVersion);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task WatchAsync_WriteNotSignalled_IsSeenByThePoll()
    {
        // Arrange
        var sut = CreateSut(poll: TimeSpan.FromMilliseconds(50));
        using var cancel = new CancellationTokenSource(Patience);
        await using var feed = sut.WatchAsync(Team, "exp-1", new AnalysisRequest(), cancel.Token).GetAsyncEnumerator(cancel.Token);
        Assert.True(await feed.MoveNextAsync());

        // Act
        source.ControlSpend += 500m;
        Assert.True(await feed.MoveNextAsync());

        // Assert
        Assert.Equal(source.ControlSpend, feed.Current.Results.Arms[0].Spend);
    }

    [Fact]
    public async Task WatchAsync_BurstOfChanges_PushesOnceAfterTheMinimumInterval()
    {
        // Arrange
        var sut = CreateSut(poll: TimeSpan.FromMinutes(5), minimum: TimeSpan.FromMilliseconds(300));
        using var cancel = new CancellationTokenSource(Patience);
        await using var feed = sut.WatchAsync(Team, "exp-1", new AnalysisRequest(), cancel.Token).GetAsyncEnumerator(cancel.Token);
        Assert.True(await feed.MoveNextAsync());
        var clock = Stopwatch.StartNew();

        // Act
        for (int i = 0; i < 5; i++)
        {
            source.DataVersion++;
            signal.Notify(Team, "exp-1");
            await Task.Delay(20);
        }

        Assert.True(await feed.MoveNextAsync());

        // Assert
        Assert.Equal(source.DataVersion, feed.Current.DataVersion);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(250), $"pushed after {clock.Elapsed}");
        Assert.Equal(2, source.Loads);
    }

    [Fact]
    public async Task WatchAsync_Cancelled_EndsTheFeed()
    {
        // Arrange
        var sut = CreateSut(poll: TimeSpan.FromMilliseconds(20));
        using var cancel = new CancellationTokenSource(Patience);
        var feed = sut.WatchAsync(Team, "exp-1", new AnalysisRequest(), cancel.Token).GetAsyncEnumerator(cancel.Token);
        Assert.True(await feed.MoveNextAsync());

        // Act
        var next = feed.MoveNextAsync().AsTask();
        await cancel.CancelAsync();

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
        await feed.DisposeAsync();
    }

    private static Experiment Running()
    {
        var at = SyntheticExperiment.Start;
        return new Experiment("exp-1", Designs.TwoArm(AnalysisMode.Sequential), ExperimentState.Running, "7", at, at, at, null, null, null);
    }

    [Fact]
    public async Task WatchAsync_SignalledWriteWithinLiveStaleness_IsPushedOnceTheBoundHasPassed()
    {
        // Arrange
        var staleness = TimeSpan.FromMilliseconds(300);
        var sut = CreateSut(poll: TimeSpan.FromMinutes(5), staleness: staleness);
        using var cancel = new CancellationTokenSource(Patience);
        await using var feed = sut.WatchAsync(Team, "exp-1", new AnalysisRequest(), cancel.Token).GetAsyncEnumerator(cancel.Token);
        Assert.True(await feed.MoveNextAsync());
        var first = feed.Current;
        var clock = Stopwatch.StartNew();

        // Act
        source.DataVersion++;
        signal.Notify(Team, "exp-1");
        Assert.True(await feed.MoveNextAsync());

        // Assert
        Assert.Equal(first.DataVersion + 1, feed.Current.DataVersion);
        Assert.InRange(clock.Elapsed, staleness, TimeSpan.FromSeconds(5));
        Assert.Equal(2, source.Loads);
    }

    /// <summary>Live staleness off unless asked for: the other tests are about the change signal and the debounce.</summary>
    private ResultsWatcher CreateSut(TimeSpan poll, TimeSpan? minimum = null, TimeSpan? staleness = null)
    {
        var options = new ExperimentAnalyzerOptions { WatchPollInterval = poll, WatchMinimumInterval = minimum ?? TimeSpan.Zero, LiveMaxStaleness = staleness ?? TimeSpan.Zero };
        return new ResultsWatcher(new ExperimentAnalyzer(source, TimeProvider.System, options), signal, TimeProvider.System, options);
    }
}
