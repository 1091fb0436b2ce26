using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Teams;
using IcpExperiments.Core.Tests.Analysis;
using IcpExperiments.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace IcpExperiments.Core.Tests.Application;

/// <summary>Live calls may reuse a result up to LiveMaxStaleness old while outcomes stream in; explicit as-of calls never do.</summary>
public sealed class ExperimentAnalyzerStalenessTests
{
    private static readonly TeamId Team = new("team-a");
    private static readonly DateTimeOffset Now = SyntheticExperiment.Start.AddDays(300).AddSeconds(10);
    private static readonly TimeSpan Staleness = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider time = new(Now);
    private readonly FakeAnalysisDataSource source = new(Team, Running());

    [Fact]
    public async Task AnalyzeAsync_LiveAfterWritesWithinTheBound_ServesTheCachedResult()
    {
        // Arrange
        var sut = CreateSut();
        var first = await sut.AnalyzeAsync(Team, "exp-1", new AnalysisRequest(), CancellationToken.None);
        source.DataVersion += 3;
        time.Advance(Staleness);

        // Act
        var second = await sut.AnalyzeAsync(Team, "exp-1", new AnalysisRequest(), CancellationToken.None);

        // Assert
        Assert.Same(first, second);
        Assert.Equal(1, second.DataVersion);
        Assert.Equal(1, source.Loads);
    }

    [Fact]
    public async Task AnalyzeAsync_LiveAfterWritesBeyondTheBound_Recomputes()
    {
        // Arrange
        var sut = CreateSut();
        await sut.AnalyzeAsync(Team, "exp-1", new AnalysisRequest(), CancellationToken.None);
        source.DataVersion += 3;
        time.Advance(Staleness + TimeSpan.FromMilliseconds(1));

        // Act
        var analysis = await sut.AnalyzeAsync(Team, "exp-1", new AnalysisRequest(), CancellationToken.None);

        // Assert
        Assert.Equal(4, analysis.DataVersion);
        Assert.Equal(2, source.Loads);
    }

    [Fact]
    public async Task AnalyzeAsync_ExplicitAsOfAfterWrites_IsExactAtOnce()
    {
        // Arrange
        var sut = CreateSut();
        var asOf = new AnalysisRequest(Now.AddDays(-1));
        await sut.AnalyzeAsync(Team, "exp-1", asOf, CancellationToken.None);
        source.DataVersion++;

        // Act
        var analysis = await sut.AnalyzeAsync(Team, "exp-1", asOf, CancellationToken.None);

        // Assert
        Assert.Equal(2, analysis.DataVersion);
        Assert.Equal(2, source.Loads);
    }

    [Theory]
    [InlineData("etag")]
    [InlineData("spend")]
    public async Task AnalyzeAsync_LiveAfterDesignOrSpendChangeWithinTheBound_Recomputes(string change)
    {
        // Arrange
        var sut = CreateSut();
        await sut.AnalyzeAsync(Team, "exp-1", new AnalysisRequest(), CancellationToken.None);
        if (change == "etag") source.Experiment = source.Experiment with { Etag = "8", State = ExperimentState.Stopped };
        else source.ControlSpend += 1;

        // Act
        var analysis = await sut.AnalyzeAsync(Team, "exp-1", new AnalysisRequest(), CancellationToken.None);

        // Assert
        Assert.Equal(source.Experiment.State, analysis.Experiment.State);
        Assert.Equal(2, source.Loads);
    }

    [Fact]
    public async Task AnalyzeAsync_StalenessOff_RecomputesOnEveryWrite()
    {
        // Arrange
        var sut = CreateSut(TimeSpan.Zero);
        await sut.AnalyzeAsync(Team, "exp-1", new AnalysisRequest(), CancellationToken.None);
        source.DataVersion++;

        // Act
        var analysis = await sut.AnalyzeAsync(Team, "exp-1", new AnalysisRequest(), CancellationToken.None);

        // Assert
        Assert.Equal(2, analysis.DataVersion);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(601)]
    public void Validate_StalenessOutOfRange_IsAProblem(int seconds)
    {
        // Arrange
        var options = new ExperimentAnalyzerOptions { LiveMaxStaleness = TimeSpan.FromSeconds(seconds) };

        // Act
        var problems = options.Validate();

        // Assert
        Assert.Contains(problems, p => p.StartsWith(nameof(ExperimentAnalyzerOptions.LiveMaxStaleness), StringComparison.Ordinal));
    }

    private static Experiment Running()
    {
        var at = SyntheticExperiment.Start;
        return new Experiment("exp-1", Designs.TwoArm(AnalysisMode.Sequential), ExperimentState.Running, "7", at, at, at, null, null, null);
    }

    private ExperimentAnalyzer CreateSut(TimeSpan? staleness = null) =>
        new(source, time, new ExperimentAnalyzerOptions { LiveMaxStaleness = staleness ?? Staleness });
}
