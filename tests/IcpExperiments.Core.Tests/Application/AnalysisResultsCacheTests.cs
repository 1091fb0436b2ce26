using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Tests.Application;

public sealed class AnalysisResultsCacheTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetOrAddAsync_BeyondCapacity_EvictsTheLeastRecentlyUsed()
    {
        // Arrange
        var sut = new AnalysisResultsCache(capacity: 2);
        int computed = 0;
        Task<ExperimentAnalysis> Compute() { computed++; return Task.FromResult<ExperimentAnalysis>(null!); }
        await sut.GetOrAddAsync(Key(1), Compute, CancellationToken.None);
        await sut.GetOrAddAsync(Key(2), Compute, CancellationToken.None);
        await sut.GetOrAddAsync(Key(1), Compute, CancellationToken.None); // 1 is now the most recent

        // Act
        await sut.GetOrAddAsync(Key(3), Compute, CancellationToken.None);  // evicts 2
        await sut.GetOrAddAsync(Key(1), Compute, CancellationToken.None);
        await sut.GetOrAddAsync(Key(2), Compute, CancellationToken.None);

        // Assert
        Assert.Equal(4, computed);
        Assert.Equal(2, sut.Count);
    }

    [Fact]
    public async Task GetOrAddAsync_ComputationFailed_IsForgottenAndRetriedByTheNextCaller()
    {
        // Arrange
        var sut = new AnalysisResultsCache(capacity: 4);
        int attempts = 0;
        Task<ExperimentAnalysis> Compute() =>
            ++attempts == 1 ? throw new InvalidOperationException("disk gone") : Task.FromResult<ExperimentAnalysis>(null!);

        // Act
        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.GetOrAddAsync(Key(1), Compute, CancellationToken.None));
        await sut.GetOrAddAsync(Key(1), Compute, CancellationToken.None);

        // Assert
        Assert.Equal(2, attempts);
    }

    private static AnalysisCacheKey Key(long version) =>
        new(TeamId.Default, "exp-1", "1", version, "", At, MultipleComparisonCorrection.Holm);
}
