using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;
using OpenTelemetry.Metrics;

namespace IcpExperiments.Server.Tests.Telemetry;

/// <summary>The service's own metrics after real calls: each test compares totals before and after its calls.</summary>
[Collection(TelemetryServer.Name)]
public sealed class TelemetryMetricsTests(InProcessServer server)
{
    private const string Ingested = "icp_experiments.outcomes.ingested";
    private const string Rejected = "icp_experiments.outcomes.rejected";
    private const string Path = "icp_experiments.ingest.path";
    private const string Reason = "icp_experiments.reject.reason";
    private const string RpcDuration = "icp_experiments.rpc.server.duration";

    private readonly Scenario scenario = new(server.Channel);
    private readonly OutcomeService.OutcomeServiceClient outcomes = new(server.Channel);
    private readonly ExperimentService.ExperimentServiceClient experiments = new(server.Channel);

    [Fact]
    public async Task Ingest_UnaryAndStream_CountsStoredAndRejectedRowsByPathAndReason()
    {
        // Arrange
        var experiment = await scenario.CreateRunningExperimentAsync();
        var at = DateTimeOffset.UtcNow.AddDays(-10);
        var before = server.CollectMetrics();

        // Act: unary, 2 enrolments and 1 outcome stored, 1 outcome of an account never enrolled.
        await scenario.EnrolAsync(experiment, "unary-a", "control");
        await scenario.EnrolAsync(experiment, "unary-b", "wider");
        await outcomes.RecordOutcomeAsync(new RecordOutcomeRequest { Parent = experiment.Name, Outcome = Requests.Lost("unary-a", DateTimeOffset.UtcNow.AddHours(-1)) });
        await Assert.ThrowsAsync<RpcException>(() =>
            outcomes.RecordOutcomeAsync(new RecordOutcomeRequest { Parent = experiment.Name, Outcome = Requests.Lost("nobody", DateTimeOffset.UtcNow.AddHours(-1)) }).ResponseAsync);
        // Stream: 3 enrolments and 2 outcomes stored, 1 outcome of an account never enrolled, 1 empty row.
        var batch = new ImportOutcomesRequest { BatchId = "metrics-1", Parent = experiment.Name };
        for (int i = 0; i < 3; i++) batch.Rows.Add(new ImportRow { Enrolment = Requests.Enrolment($"stream-{i}", i % 2 == 0 ? "control" : "wider", at) });
        batch.Rows.Add(new ImportRow { Outcome = Requests.Converted("stream-0", at.AddDays(2), 12_000) });
        batch.Rows.Add(new ImportRow { Outcome = Requests.Lost("stream-1", at.AddDays(3)) });
        batch.Rows.Add(new ImportRow { Outcome = Requests.Lost("stream-nobody", at.AddDays(3)) });
        batch.Rows.Add(new ImportRow());
        var ack = await ImportAsync(batch);
        var after = server.CollectMetrics();

        // Assert
        Assert.Equal(5, ack.AcceptedCount);
        Assert.Equal(3, Delta(before, after, Ingested, (Path, "unary")));
        Assert.Equal(5, Delta(before, after, Ingested, (Path, "stream")));
        Assert.Equal(1, Delta(before, after, Rejected, (Path, "unary"), (Reason, "ACCOUNT_NOT_ENROLLED")));
        Assert.Equal(1, Delta(before, after, Rejected, (Path, "stream"), (Reason, "ACCOUNT_NOT_ENROLLED")));
        Assert.Equal(1, Delta(before, after, Rejected, (Path, "stream"), (Reason, "MALFORMED_ROW")));
        Assert.Equal(3, Delta(before, after, Rejected));
    }

    [Fact]
    public async Task GetResults_RepeatedWithoutWrites_MissThenHitAndOneAnalysisTimed()
    {
        // Arrange
        var experiment = await scenario.CreateRunningExperimentAsync();
        await scenario.EnrolAsync(experiment, "cache-a", "control");
        var analysis = new AnalysisService.AnalysisServiceClient(server.Channel);
        var request = new GetResultsRequest { Experiment = experiment.Name, AsOf = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddSeconds(-1)) };
        var before = server.CollectMetrics();

        // Act
        await analysis.GetResultsAsync(request);
        await analysis.GetResultsAsync(request);
        var after = server.CollectMetrics();

        // Assert
        Assert.Equal(1, Delta(before, after, "icp_experiments.analysis.cache.lookups", ("icp_experiments.cache.result", "miss")));
        Assert.Equal(1, Delta(before, after, "icp_experiments.analysis.cache.lookups", ("icp_experiments.cache.result", "hit")));
        Assert.Equal(1, MetricValues.HistogramCount(after, "icp_experiments.analysis.duration") - MetricValues.HistogramCount(before, "icp_experiments.analysis.duration"));
    }

    [Fact]
    public async Task Rpc_OkNotFoundAndUnauthenticated_DurationRecordedByMethodAndStatusCode()
    {
        // Arrange
        var experiment = await scenario.CreateDraftExperimentAsync();
        using var anonymous = GrpcChannel.ForAddress(server.Address);
        var before = server.CollectMetrics();

        // Act
        await experiments.GetExperimentAsync(new GetExperimentRequest { Name = experiment.Name });
        await Assert.ThrowsAsync<RpcException>(() => experiments.GetExperimentAsync(new GetExperimentRequest { Name = "experiments/never-created" }).ResponseAsync);
        await Assert.ThrowsAsync<RpcException>(() =>
            new ExperimentService.ExperimentServiceClient(anonymous).GetExperimentAsync(new GetExperimentRequest { Name = experiment.Name }).ResponseAsync);
        var after = server.CollectMetrics();

        // Assert
        var method = (Key: "rpc.method", Value: (object)$"{ExperimentService.Descriptor.FullName}/GetExperiment");
        var service = (Key: "rpc.service", Value: (object)ExperimentService.Descriptor.FullName);
        Assert.Equal(1, RpcCount(before, after, method, service, ("rpc.grpc.status_code", (int)StatusCode.OK)));
        Assert.Equal(1, RpcCount(before, after, method, service, ("rpc.grpc.status_code", (int)StatusCode.NotFound)));
        Assert.Equal(1, RpcCount(before, after, method, service, ("rpc.grpc.status_code", (int)StatusCode.Unauthenticated)));
    }

    private static long Delta(IReadOnlyList<MetricSnapshot> before, IReadOnlyList<MetricSnapshot> after, string name, params (string, object)[] attributes) =>
        MetricValues.Sum(after, name, attributes) - MetricValues.Sum(before, name, attributes);

    private static long RpcCount(IReadOnlyList<MetricSnapshot> before, IReadOnlyList<MetricSnapshot> after, params (string, object)[] attributes) =>
        MetricValues.HistogramCount(after, RpcDuration, attributes) - MetricValues.HistogramCount(before, RpcDuration, attributes);

    private async Task<ImportOutcomesResponse> ImportAsync(ImportOutcomesRequest batch)
    {
        using var import = outcomes.ImportOutcomes(deadline: DateTime.UtcNow.AddSeconds(30));
        await import.RequestStream.WriteAsync(batch);
        await import.RequestStream.CompleteAsync();
        Assert.True(await import.ResponseStream.MoveNext(CancellationToken.None));
        return import.ResponseStream.Current;
    }
}
