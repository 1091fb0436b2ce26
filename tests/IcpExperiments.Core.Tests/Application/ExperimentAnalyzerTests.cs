using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Teams;
using IcpExperiments.Core.Tests.Analysis;
using IcpExperiments.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace IcpExperiments.Core.Tests.Application;

public sealed class ExperimentAnalyzerTests
{
    private static readonly TeamId Team = new("team-a");
    private static readonly DateTimeOffset Now = SyntheticExperiment.Start.AddDays(300).AddSeconds(42);
    private readonly FakeTimeProvider time = new(Now);
    private readonly FakeAnalysisDataSource source = new(Team, Running());

    [Fact]
    public async Task AnalyzeAsync_SameInputsTwice_ComputesOnceAndReturnsTheSameAnalysis()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var first = await sut.AnalyzeAsync(Team, "exp-1", new AnalysisRequest(), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(10));
        var second = await sut.AnalyzeAsync(Team, "exp-1", new AnalysisRequest(), CancellationToken.None);

        // Assert
        Assert.Same(first, second);
        Assert.Equal(1, source.Loads);
    }

    [Fact]
    public async Task AnalyzeAsync_NoAsOf_AnalysesAsOfNowTruncatedToTheLiveGranularity()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var analysis = await sut.AnalyzeAsync(Team, "exp-1", new AnalysisRequest(), CancellationToken.None);

        // Assert
        Assert.Equal(Now.AddSeconds(-42), analysis.Results.AsOf);
    }

    public static TheoryData<string> Changes => ["data", "spend", "etag", "clock", "correction", "as-of"];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task AnalyzeAsync_SomethingTheResultDependsOnChanged_Recomputes(string change)
    {
        // Arrange
        var sut = CreateSut();
        await sut.AnalyzeAsync(Team, "exp-1", new AnalysisRequest(), CancellationToken.None);
        var request = new AnalysisRequest();
        switch (change)
        {
            case "data": source.DataVersion++; time.Advance(ExperimentAnalyzerOptions.DefaultLiveMaxStaleness + TimeSpan.FromSeconds(1)); break;
            case "spend": source.ControlSpend += 1; break;
            case "etag": source.Experiment = source.Experiment with { Etag = "8", State = ExperimentState.Stopped }; break;
            case "clock": time.Advance(TimeSpan.FromMinutes(1)); break;
            case "correction": request = new AnalysisRequest(Correction: MultipleComparisonCorrection.BenjaminiHochberg); break;
            default: request = new AnalysisRequest(AsOf: Now.AddDays(-10)); break;
        }

        // Act
        var analysis = await sut.AnalyzeAsync(Team, "exp-1", request, CancellationToken.None);

        // Assert
        Assert.Equal(2, source.Loads);
        Assert.Equal(source.DataVersion, analysis.DataVersion);
    }

    [Fact]
    public async Task AnalyzeAsync_ConcurrentCallersOfOneKey_ShareOneComputation()
    {
        // Arrange
        var sut = CreateSut();
        source.LoadGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 8).Select(_ => sut.AnalyzeAsync(Team, "exp-1", new AnalysisRequest(), CancellationToken.None)).ToList();

        // Act
        source.LoadGate.SetResult();
        var analyses = await Task.WhenAll(calls);

        // Assert
        Assert.Equal(1, source.Loads);
        Assert.All(analyses, a => Assert.Same(analyses[0], a));
    }

    [Fact]
    public async Task AnalyzeAsync_CallerCancelsWhileOthersWait_OthersStillGetTheResult()
    {
        // Arrange
        var sut = CreateSut();
        source.LoadGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancel = new CancellationTokenSource();
        var cancelled = sut.AnalyzeAsync(Team, "exp-1", new AnalysisRequest(), cancel.Token);
        var waiting = sut.AnalyzeAsync(Team, "exp-1", new AnalysisRequest(), CancellationToken.None);

        // Act
        await cancel.CancelAsync();
        source.LoadGate.SetResult();

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(source.DataVersion, (await waiting).DataVersion);
        Assert.Equal(1, source.Loads);
    }

    [Fact]
    public async Task AnalyzeAsync_ManyCallersWhileWritesArrive_RunAtMostTwoComputationsAndAllGetFreshResults()
    {
        // Arrange
        var sut = CreateSut();
        source.LoadGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = new List<(long Read, Task<ExperimentAnalysis> Call)>();
        for (int i = 0; i < 20; i++)
        {
            source.DataVersion++;
            calls.Add((source.DataVersion, sut.AnalyzeAsync(Team, "exp-1", new AnalysisRequest(), CancellationToken.None)));
        }

        // Act
        source.LoadGate.SetResult();
        await Task.WhenAll(calls.Select(c => c.Call));

        // Assert
        Assert.Equal(2, source.Loads);
        Assert.All(calls, c => Assert.True(c.Call.Result.DataVersion >= c.Read));
    }

    [Fact]
    public async Task AnalyzeAsync_LastWaiterCancels_CancelsTheComputation()
    {
        // Arrange
        var sut = CreateSut();
        source.LoadGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancel = new CancellationTokenSource();
        var call = sut.AnalyzeAsync(Team, "exp-1", new AnalysisRequest(), cancel.Token);

        // Act
        await cancel.CancelAsync();

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await source.LoadCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AnalyzeAsync_Draft_ThrowsPreconditionFailedWithoutLoading()
    {
        // Arrange
        source.Experiment = source.Experiment with { State = ExperimentState.Draft };
        var sut = CreateSut();

        // Act
        var error = await Assert.ThrowsAsync<PreconditionFailedException>(() => sut.AnalyzeAsync(Team, "exp-1", new AnalysisRequest(), CancellationToken.None));

        // Assert
        Assert.Equal(ExperimentAnalyzer.ExperimentNotStartedReason, error.Reason);
        Assert.Equal(0, source.Loads);
    }

    [Fact]
    public async Task AnalyzeAsync_OtherTeam_ThrowsNotFound()
    {
        // Arrange
        var sut = CreateSut();

        // Act / Assert
        await Assert.ThrowsAsync<NotFoundException>(() => sut.AnalyzeAsync(new TeamId("team-b"), "exp-1", new AnalysisRequest(), CancellationToken.None));
    }

    [Fact]
    public async Task AnalyzeAsync_AsOfInTheFuture_ThrowsValidationFailedOnAsOf()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var error = await Assert.ThrowsAsync<ValidationFailedException>(
            () => sut.AnalyzeAsync(Team, "exp-1", new AnalysisRequest(Now.AddMinutes(5)), CancellationToken.None));

        // Assert
        Assert.Equal("as_of", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public async Task AnalyzeAsync_Computed_MatchesTheEngineOnTheSameSnapshot()
    {
        // Arrange
        var sut = CreateSut();
        var asOf = Now.AddDays(-5);
        var snapshot = (await source.LoadSnapshotAsync(Team, source.Experiment, asOf, CancellationToken.None)).Snapshot;
        var expected = ResultsCalculator.Calculate(snapshot);

        // Act
        var analysis = await sut.AnalyzeAsync(Team, "exp-1", new AnalysisRequest(asOf), CancellationToken.None);

        // Assert
        Assert.Equal(expected.Arms, analysis.Results.Arms);
        Assert.Equal(expected.Variants[0].Metrics.Select(m => m.PValue), analysis.Results.Variants[0].Metrics.Select(m => m.PValue));
        Assert.Equal(DecisionRules.Decide(expected, source.Experiment.Design).Select(d => (d.Outcome, d.Reason)), analysis.Decisions.Select(d => (d.Outcome, d.Reason)));
    }

    private static Experiment Running()
    {
        var design = Designs.TwoArm(AnalysisMode.Sequential);
        var at = SyntheticExperiment.Start;
        return new Experiment("exp-1", design, ExperimentState.Running, "7", at, at, at, null, null, null);
    }

    private ExperimentAnalyzer CreateSut() => new(source, time, new ExperimentAnalyzerOptions());
}
