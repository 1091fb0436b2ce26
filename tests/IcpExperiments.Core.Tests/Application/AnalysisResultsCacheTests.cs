using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Tests.Application;

public sealed class AnalysisResultsCacheTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetOrAddAsync_BeyondCapacity_EvictsTheLeastRecentlyUsedSeries()
    {
        // Arrange
        var sut = new AnalysisResultsCache(capacity: 2);
        int computed = 0;
        Task<ExperimentAnalysis> Compute(CancellationToken _) { computed++; return Task.FromResult<ExperimentAnalysis>(null!); }
        await sut.GetOrAddAsync(Key(1, "exp-1"), Compute, CancellationToken.None);
        await sut.GetOrAddAsync(Key(1, "exp-2"), Compute, CancellationToken.None);
        await sut.GetOrAddAsync(Key(1, "exp-1"), Compute, CancellationToken.None); // exp-1 is now the most recent

        // Act
        await sut.GetOrAddAsync(Key(1, "exp-3"), Compute, CancellationToken.None);  // evicts exp-2
        await sut.GetOrAddAsync(Key(1, "exp-1"), Compute, CancellationToken.None);
        await sut.GetOrAddAsync(Key(1, "exp-2"), Compute, CancellationToken.None);

        // Assert
        Assert.Equal(4, computed);
        Assert.Equal(2, sut.Count);
    }

    [Fact]
    public async Task GetOrAddAsync_NewerVersionLands_ReplacesTheOlderOneOfItsSeriesOnly()
    {
        // Arrange
        var sut = new AnalysisResultsCache(capacity: 8);
        var started = new List<long>();
        Func<CancellationToken, Task<ExperimentAnalysis>> ComputeAt(long version) => _ =>
        {
            started.Add(version);
            return Task.FromResult<ExperimentAnalysis>(null!);
        };
        await sut.GetOrAddAsync(Key(1), ComputeAt(1), CancellationToken.None);
        await sut.GetOrAddAsync(Key(1) with { AsOf = At.AddDays(-1) }, ComputeAt(1), CancellationToken.None); // its own series

        // Act
        await sut.GetOrAddAsync(Key(2), ComputeAt(2), CancellationToken.None);
        await sut.GetOrAddAsync(Key(1), ComputeAt(1), CancellationToken.None); // a late reader of v1: v2 is fresh enough

        // Assert
        Assert.Equal([1, 1, 2], started);
        Assert.Equal(2, sut.Count);
    }

    [Fact]
    public async Task GetOrAddAsync_CallersOfNewerVersionsWhileOneRuns_CoalesceIntoOneQueuedComputation()
    {
        // Arrange
        var sut = new AnalysisResultsCache(capacity: 8);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new List<long>();
        Func<CancellationToken, Task<ExperimentAnalysis>> ComputeAt(long version) => async _ =>
        {
            lock (started) started.Add(version);
            await release.Task;
            return null!;
        };
        var calls = Enumerable.Range(1, 30).Select(v => sut.GetOrAddAsync(Key(v), ComputeAt(v), CancellationToken.None)).ToList();

        // Act
        release.SetResult();
        await Task.WhenAll(calls);

        // Assert
        Assert.Equal([1, 30], started); // the queued one runs with the newest caller's inputs
        Assert.Equal(1, sut.Count);
    }

    [Fact]
    public async Task GetOrAddAsync_AllWaitersOfTheQueuedComputationLeave_ItNeverStarts()
    {
        // Arrange
        var sut = new AnalysisResultsCache(capacity: 8);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new List<long>();
        Func<CancellationToken, Task<ExperimentAnalysis>> ComputeAt(long version) => async _ =>
        {
            lock (started) started.Add(version);
            await release.Task;
            return null!;
        };
        var running = sut.GetOrAddAsync(Key(1), ComputeAt(1), CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var queued = sut.GetOrAddAsync(Key(2), ComputeAt(2), cancel.Token);

        // Act
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        release.SetResult();
        await running;

        // Assert
        Assert.Equal([1], started);
    }

    [Fact]
    public async Task GetOrAddAsync_ComputationFailed_IsForgottenAndRetriedByTheNextCaller()
    {
        // Arrange
        var sut = new AnalysisResultsCache(capacity: 4);
        int attempts = 0;
        Task<ExperimentAnalysis> Compute(CancellationToken _) =>
            ++attempts == 1 ? throw new InvalidOperationException("disk gone") : Task.FromResult<ExperimentAnalysis>(null!);

        // Act
        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.GetOrAddAsync(Key(1), Compute, CancellationToken.None));
        await sut.GetOrAddAsync(Key(1), Compute, CancellationToken.None);

        // Assert
        Assert.Equal(2, attempts);
    }

    private static AnalysisCacheKey Key(long version, string experimentId = "exp-1") =>
        new(TeamId.Default, experimentId, "1", version, "", At, MultipleComparisonCorrection.Holm);
}
