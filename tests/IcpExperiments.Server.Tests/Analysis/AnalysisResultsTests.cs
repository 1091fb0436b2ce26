using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;
using Domain = IcpExperiments.Core.Analysis;
using DomainExperiments = IcpExperiments.Core.Experiments;

namespace IcpExperiments.Server.Tests.Analysis;

/// <summary>GetResults end to end: data loaded through the API, results compared with the engine run on the same data.</summary>
public abstract class AnalysisResultsTests(ServerFixture fixture)
{
    private readonly Scenario scenario = new(fixture);
    private readonly AnalysisService.AnalysisServiceClient analysis = new(fixture.Channel);

    [Fact]
    public async Task GetResults_ImportedAccounts_MatchTheEngineOnTheSameData()
    {
        // Arrange
        var now = DateTimeOffset.UtcNow;
        var experiment = await RunningWithSpendAsync();
        var data = new SeededOutcomes(400, seed: 11, now);
        await data.ImportAsync(fixture, experiment.Name);
        var asOf = now.AddDays(-10);
        var expected = Domain.ResultsCalculator.Calculate(data.Snapshot(Design(), asOf, 1000m));
        var decisions = Domain.DecisionRules.Decide(expected, Design());

        // Act
        var results = (await analysis.GetResultsAsync(new GetResultsRequest { Experiment = experiment.Name, AsOf = Timestamp.FromDateTimeOffset(asOf) })).Results;

        // Assert
        Assert.Equal(expected.Arms.Select(a => (a.Key, a.Enrolled, a.Converted, a.Lost, a.Open)), results.Arms.Select(a => (a.Arm, a.Enrolled, a.Converted, a.Lost, a.Open)));
        Assert.Equal(1000, results.Arms[0].Spend.Units);
        var expectedMetrics = expected.Variants[0].Metrics;
        var metrics = Assert.Single(results.Variants).Metrics;
        Assert.Equal(expectedMetrics.Select(m => ((int)m.Metric, m.Test)), metrics.Select(m => ((int)m.Metric, m.Test)));
        for (int i = 0; i < metrics.Count; i++)
        {
            // The server sums accounts in key order, the engine here in insertion order: equal up to rounding.
            Assert.Equal(expectedMetrics[i].PValue!.Value, metrics[i].PValue, 1e-12);
            Assert.Equal(expectedMetrics[i].AdjustedPValue!.Value, metrics[i].AdjustedPValue, 1e-12);
        }

        Assert.Equal(expectedMetrics[0].Relative!.Interval.Lower, metrics[0].RelativeDifference.Interval.Lower, 1e-12);
        Assert.Equal(decisions.Select(d => ((int)d.Outcome + 1, d.Reason)), results.Decisions.Select(d => ((int)d.Outcome, d.Reason)));
        Assert.Equal(expected.SampleRatio.PValue!.Value, results.SampleRatio.PValue, 1e-12);
        Assert.Equal(asOf.ToUnixTimeMilliseconds(), results.AsOf.ToDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(("USD", "USD"), (results.SpendCurrency, results.AcvCurrency));
        var curves = results.Variants[0].CycleLength;
        Assert.Equal(expected.Variants[0].CycleLength!.Control.Points.Length, curves.Control.TotalPoints);
        Assert.Equal(expected.Variants[0].CycleLength!.Control.Points[^1].Survival, curves.Control.Points[^1].Survival, 1e-12);
    }

    [Fact]
    public async Task GetResults_RepeatWithoutNewData_ReturnsTheSameDataVersionAndANewOutcomeMovesIt()
    {
        // Arrange
        var experiment = await RunningWithSpendAsync();
        await new SeededOutcomes(40, seed: 3, DateTimeOffset.UtcNow).ImportAsync(fixture, experiment.Name);
        var request = new GetResultsRequest { Experiment = experiment.Name };
        var first = (await analysis.GetResultsAsync(request)).Results;

        // Act
        var repeat = (await analysis.GetResultsAsync(request)).Results;
        await fixture.Experiments.EnrolAccountAsync(new EnrolAccountRequest { Parent = experiment.Name, Enrolment = Requests.Enrolment("late-1", "control", DateTimeOffset.UtcNow.AddDays(-1)) });
        var after = (await analysis.GetResultsAsync(request)).Results;

        // Assert
        Assert.Equal(first.DataVersion, repeat.DataVersion);
        Assert.Equal(first.AsOf, repeat.AsOf);
        Assert.True(after.DataVersion > first.DataVersion);
        Assert.Equal(first.Arms[0].Enrolled + 1, after.Arms[0].Enrolled);
    }

    [Fact]
    public async Task GetResults_Draft_FailedPreconditionExperimentNotStarted()
    {
        // Arrange
        var draft = await scenario.CreateDraftExperimentAsync();

        // Act
        var status = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => analysis.GetResultsAsync(new GetResultsRequest { Experiment = draft.Name }));

        // Assert
        Assert.Equal("EXPERIMENT_NOT_STARTED", RpcAssert.Reason(status));
    }

    [Fact]
    public async Task GetResults_UnknownExperiment_NotFound()
    {
        // Act
        var status = await RpcAssert.FailsAsync(StatusCode.NotFound, () => analysis.GetResultsAsync(new GetResultsRequest { Experiment = "experiments/no-such-experiment" }));

        // Assert
        Assert.Equal("EXPERIMENT_NOT_FOUND", RpcAssert.Reason(status));
    }

    [Theory]
    [InlineData("experiment")]
    [InlineData("curve_points")]
    [InlineData("correction")]
    [InlineData("as_of")]
    public async Task GetResults_InvalidField_InvalidArgumentNamingIt(string field)
    {
        // Arrange
        var experiment = await scenario.CreateRunningExperimentAsync();
        var request = new GetResultsRequest { Experiment = experiment.Name };
        switch (field)
        {
            case "experiment": request.Experiment = "experiments/Not_An_Id"; break;
            case "curve_points": request.CurvePoints = -1; break;
            case "correction": request.Correction = (MultipleComparisonCorrection)42; break;
            default: request.AsOf = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)); break;
        }

        // Act / Assert
        await RpcAssert.InvalidFieldAsync(field, () => analysis.GetResultsAsync(request));
    }

    private async Task<Experiment> RunningWithSpendAsync()
    {
        var draft = await scenario.CreateDraftExperimentAsync();
        foreach (var arm in new[] { "control", "wider" })
            await fixture.Experiments.CreateCampaignAsync(new CreateCampaignRequest { Parent = draft.Name, CampaignId = $"cmp-{arm}", Campaign = Requests.Campaign(arm) });
        return (await fixture.Experiments.StartExperimentAsync(new StartExperimentRequest { Name = draft.Name })).Experiment;
    }

    /// <summary>The domain design of <see cref="Requests.Experiment"/> with the server's defaults filled in.</summary>
    private static DomainExperiments.ExperimentDesign Design() => new(
        "Wider head-count", "", "p",
        new DomainExperiments.ArmDesign("control", 1, 0.5, ""),
        [new DomainExperiments.ArmDesign("wider", 2, 0.5, "")],
        DomainExperiments.Metric.Conversion,
        [new DomainExperiments.Guardrail(DomainExperiments.Metric.Acv, 0.1)],
        0.05, 0.8, 0.2, 180, DomainExperiments.AnalysisMode.Sequential);

    [Collection(SharedServer.Name)]
    public sealed class OnSqlite(ServerFixture fixture) : AnalysisResultsTests(fixture);

    [Collection(PostgresSharedServer.Name)]
    public sealed class OnPostgres(PostgresServerFixture fixture) : AnalysisResultsTests(fixture);
}
