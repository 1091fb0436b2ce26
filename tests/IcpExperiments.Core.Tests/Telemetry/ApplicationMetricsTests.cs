using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Teams;
using IcpExperiments.Core.Telemetry;
using IcpExperiments.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using static IcpExperiments.Core.Tests.Samples;

namespace IcpExperiments.Core.Tests.Telemetry;

/// <summary>The application layer's measurements, recorded where the events happen.</summary>
public sealed class ApplicationMetricsTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly RecordedMetrics recorded = new();

    [Fact]
    public async Task GetOrAddAsync_SameKeyTwice_CountsAMissThenAHit()
    {
        // Arrange
        var sut = new AnalysisResultsCache(capacity: 4, recorded.Metrics);

        // Act
        await sut.GetOrAddAsync(Key(1), _ => Task.FromResult<ExperimentAnalysis>(null!), CancellationToken.None);
        await sut.GetOrAddAsync(Key(1), _ => Task.FromResult<ExperimentAnalysis>(null!), CancellationToken.None);

        // Assert
        Assert.Equal(1, recorded.Sum(IcpExperimentsMetrics.CacheLookupsName, (IcpExperimentsMetrics.CacheResultAttribute, "miss")));
        Assert.Equal(1, recorded.Sum(IcpExperimentsMetrics.CacheLookupsName, (IcpExperimentsMetrics.CacheResultAttribute, "hit")));
    }

    [Fact]
    public async Task GetOrAddAsync_CallerJoinsARunningComputation_CountsShared()
    {
        // Arrange
        var sut = new AnalysisResultsCache(capacity: 4, recorded.Metrics);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<ExperimentAnalysis> Compute(CancellationToken _)
        {
            await release.Task;
            return null!;
        }

        // Act
        var first = sut.GetOrAddAsync(Key(1), Compute, CancellationToken.None);
        var second = sut.GetOrAddAsync(Key(1), Compute, CancellationToken.None);
        release.SetResult();
        await Task.WhenAll(first, second);

        // Assert
        Assert.Equal(1, recorded.Sum(IcpExperimentsMetrics.CacheLookupsName, (IcpExperimentsMetrics.CacheResultAttribute, "miss")));
        Assert.Equal(1, recorded.Sum(IcpExperimentsMetrics.CacheLookupsName, (IcpExperimentsMetrics.CacheResultAttribute, "shared")));
    }

    [Fact]
    public async Task ImportAsync_ValidAndRejectedRows_CountsStoredAndRejectedByReason()
    {
        // Arrange
        var repository = new RecordingOutcomeRepository();
        repository.RejectBatchIndexes.Add(0);
        var sut = new OutcomeApplicationService(repository, new FakeTimeProvider(Now), recorded.Metrics);
        var rows = new[] { new ImportRow(Enrolment(), null), new ImportRow(null, Lost()), new ImportRow(null, null), new ImportRow(null, Converted()) };

        // Act
        await sut.ImportAsync(TeamId.Default, "exp-1", new ImportBatch("b1", rows), CancellationToken.None);

        // Assert: row 2 fails field rules here, the repository rejects the first row it is given.
        Assert.Equal(2, recorded.Sum(IcpExperimentsMetrics.IngestedName, (IcpExperimentsMetrics.PathAttribute, "stream")));
        Assert.Equal(1, recorded.Sum(IcpExperimentsMetrics.RejectedName, (IcpExperimentsMetrics.PathAttribute, "stream"), (IcpExperimentsMetrics.ReasonAttribute, "MALFORMED_ROW")));
        Assert.Equal(1, recorded.Sum(IcpExperimentsMetrics.RejectedName, (IcpExperimentsMetrics.PathAttribute, "stream"), (IcpExperimentsMetrics.ReasonAttribute, "ENROLMENT_CONFLICT")));
    }

    [Fact]
    public async Task RecordAsync_StoredThenInvalid_CountsOneIngestedAndOneRejected()
    {
        // Arrange
        var sut = new OutcomeApplicationService(new RecordingOutcomeRepository(), new FakeTimeProvider(Now), recorded.Metrics);

        // Act
        await sut.RecordAsync(TeamId.Default, "exp-1", Lost(), CancellationToken.None);
        await Assert.ThrowsAsync<ValidationFailedException>(() => sut.RecordAsync(TeamId.Default, "exp-1", Converted() with { Acv = null }, CancellationToken.None));

        // Assert
        Assert.Equal(1, recorded.Sum(IcpExperimentsMetrics.IngestedName, (IcpExperimentsMetrics.PathAttribute, "unary")));
        Assert.Equal(1, recorded.Sum(IcpExperimentsMetrics.RejectedName, (IcpExperimentsMetrics.PathAttribute, "unary")));
    }

    public void Dispose() => recorded.Dispose();

    private static AnalysisCacheKey Key(long version) =>
        new(TeamId.Default, "exp-1", "1", version, "", At, MultipleComparisonCorrection.Holm);
}
