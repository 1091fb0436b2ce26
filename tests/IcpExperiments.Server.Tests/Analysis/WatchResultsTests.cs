using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Analysis;

/// <summary>WatchResults end to end: the first result at once, a new one after an import, a clean end on cancel or deadline.</summary>
[Collection(SharedServer.Name)]
public sealed class WatchResultsTests(ServerFixture fixture)
{
    private readonly Scenario scenario = new(fixture);
    private readonly AnalysisService.AnalysisServiceClient analysis = new(fixture.Channel);

    [Fact]
    public async Task WatchResults_OutcomesImportedWhileWatching_PushesUpdatedResultsAndEndsCleanlyOnCancel()
    {
        // Arrange
        var experiment = await scenario.CreateRunningExperimentAsync();
        var data = new SeededOutcomes(60, seed: 5, DateTimeOffset.UtcNow);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = analysis.WatchResults(new WatchResultsRequest { Experiment = experiment.Name }, cancellationToken: cancel.Token);
        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        var first = watch.ResponseStream.Current.Results;

        // Act
        await data.ImportAsync(fixture, experiment.Name);
        ExperimentResults updated;
        do
        {
            Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
            updated = watch.ResponseStream.Current.Results;
        }
        while (updated.DataVersion == first.DataVersion);
        await cancel.CancelAsync();
        var end = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None));

        // Assert
        Assert.Equal(0, first.Arms.Sum(a => a.Enrolled));
        Assert.Equal(60, updated.Arms.Sum(a => a.Enrolled));
        Assert.Equal(StatusCode.Cancelled, end.StatusCode);
    }

    [Fact]
    public async Task WatchResults_DeadlinePasses_EndsWithDeadlineExceededAfterTheFirstResult()
    {
        // Arrange
        var experiment = await scenario.CreateRunningExperimentAsync();
        using var watch = analysis.WatchResults(new WatchResultsRequest { Experiment = experiment.Name }, deadline: DateTime.UtcNow.AddSeconds(2));

        // Act
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None));
        var first = watch.ResponseStream.Current.Results;
        var end = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None));

        // Assert
        Assert.Equal(StatusCode.DeadlineExceeded, end.StatusCode);
        Assert.Equal(experiment.Name, first.Experiment);
    }

    [Fact]
    public async Task WatchResults_Draft_EndsAtOnceWithFailedPrecondition()
    {
        // Arrange
        var draft = await scenario.CreateDraftExperimentAsync();
        using var watch = analysis.WatchResults(new WatchResultsRequest { Experiment = draft.Name });

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None));

        // Assert
        Assert.Equal("EXPERIMENT_NOT_STARTED", RpcAssert.Reason(RpcAssert.AssertStatus(error, StatusCode.FailedPrecondition)));
    }
}
