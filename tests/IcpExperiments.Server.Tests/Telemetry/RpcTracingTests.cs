using System.Diagnostics;
using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Telemetry;

/// <summary>Spans of real calls over a socket: gRPC server spans with rpc.* attributes, and database spans beneath them.</summary>
[Collection(TelemetryServer.Name)]
public sealed class RpcTracingTests(InProcessServer server)
{
    private const string StorageSource = "IcpExperiments.Storage";
    private static readonly string CreateProfile = $"{ProfileService.Descriptor.FullName}/CreateProfile";
    private readonly Scenario scenario = new(server.Channel);

    [Fact]
    public async Task CreateProfile_Traced_ServerSpanCarriesRpcAttributes()
    {
        // Arrange
        int mark = server.MarkSpans();

        // Act
        await scenario.CreateProfileWithTwoVersionsAsync();
        var (call, _) = await server.WaitForCallAsync(CreateProfile, mark);

        // Assert
        Assert.Equal(ActivityKind.Server, call.Kind);
        Assert.Equal("grpc", call.GetTagItem("rpc.system.name"));
        Assert.Equal("grpc", call.GetTagItem("rpc.system"));
        Assert.Equal(ProfileService.Descriptor.FullName, call.GetTagItem("rpc.service"));
        Assert.Equal(CreateProfile, call.GetTagItem("rpc.method"));
        Assert.Equal((int)StatusCode.OK, call.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal("OK", call.GetTagItem("rpc.response.status_code"));
    }

    [Fact]
    public async Task CreateProfile_Traced_DatabaseSpansAreChildrenOfTheRpcSpanAndHoldNoValues()
    {
        // Arrange
        int mark = server.MarkSpans();

        // Act
        await scenario.CreateProfileWithTwoVersionsAsync();
        var (call, trace) = await server.WaitForCallAsync(CreateProfile, mark);
        var database = trace.Where(s => s.Source.Name == StorageSource).ToList();

        // Assert
        Assert.NotEmpty(database);
        Assert.All(database, span =>
        {
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal("sqlite", span.GetTagItem("db.system"));
            Assert.True(IsDescendant(span, call, trace), $"{span.DisplayName} is not under the CreateProfile span.");
            // The profile's display name is a parameter value: it must not leak into any name or attribute.
            Assert.DoesNotContain("Mid-market", span.DisplayName, StringComparison.Ordinal);
            Assert.All(span.TagObjects, tag => Assert.DoesNotContain("Mid-market", tag.Value?.ToString() ?? "", StringComparison.Ordinal));
        });
        Assert.Contains(database, s => Equals(s.GetTagItem("db.operation"), "INSERT") && Equals(s.GetTagItem("db.sql.table"), "profiles"));
    }

    [Fact]
    public async Task RecordOutcome_Traced_OneIngestSpanForTheTransactionUnderTheRpcSpan()
    {
        // Arrange
        var experiment = await scenario.CreateRunningExperimentAsync();
        await scenario.EnrolAsync(experiment, "acct-traced", "control");
        var outcomes = new OutcomeService.OutcomeServiceClient(server.Channel);
        int mark = server.MarkSpans();

        // Act
        await outcomes.RecordOutcomeAsync(new RecordOutcomeRequest { Parent = experiment.Name, Outcome = Requests.Lost("acct-traced", DateTimeOffset.UtcNow.AddDays(-1)) });
        var (call, trace) = await server.WaitForCallAsync($"{OutcomeService.Descriptor.FullName}/RecordOutcome", mark);

        // Assert
        var ingest = Assert.Single(trace, s => s.DisplayName == "INGEST outcomes");
        Assert.Equal(call.SpanId, ingest.ParentSpanId);
        Assert.Equal("sqlite", ingest.GetTagItem("db.system"));
        Assert.Equal(1, ingest.GetTagItem("icp_experiments.ingest.rows"));
        Assert.Equal(1, ingest.GetTagItem("icp_experiments.ingest.stored"));
        Assert.Equal(ActivityStatusCode.Ok, ingest.Status);
    }

    [Fact]
    public async Task GetResults_CacheMiss_SnapshotReadIsOneSpanUnderTheRpcSpan()
    {
        // Arrange
        var experiment = await scenario.CreateRunningExperimentAsync();
        await scenario.EnrolAsync(experiment, "acct-snapshot", "control");
        var analysis = new AnalysisService.AnalysisServiceClient(server.Channel);
        int mark = server.MarkSpans();

        // Act
        await analysis.GetResultsAsync(new GetResultsRequest { Experiment = experiment.Name });
        var (call, trace) = await server.WaitForCallAsync($"{AnalysisService.Descriptor.FullName}/GetResults", mark);

        // Assert
        var snapshot = Assert.Single(trace, s => s.DisplayName == "SELECT snapshot");
        Assert.True(IsDescendant(snapshot, call, trace));
        Assert.Equal(ActivityStatusCode.Ok, snapshot.Status);
        Assert.Equal(experiment.Name.Split('/')[1], snapshot.GetTagItem("icp_experiments.experiment_id"));
    }

    [Fact]
    public async Task GetExperiment_Missing_ServerSpanHasNotFoundStatusCode()
    {
        // Arrange
        var experiments = new ExperimentService.ExperimentServiceClient(server.Channel);
        int mark = server.MarkSpans();

        // Act
        var error = await Assert.ThrowsAsync<RpcException>(() => experiments.GetExperimentAsync(new GetExperimentRequest { Name = "experiments/never-created" }).ResponseAsync);
        var (call, _) = await server.WaitForCallAsync($"{ExperimentService.Descriptor.FullName}/GetExperiment", mark);

        // Assert
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal((int)StatusCode.NotFound, call.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal("NOT_FOUND", call.GetTagItem("rpc.response.status_code"));
    }

    private static bool IsDescendant(Activity span, Activity ancestor, IReadOnlyList<Activity> trace)
    {
        for (var current = span; current is not null; current = trace.FirstOrDefault(s => s.SpanId == current.ParentSpanId))
        {
            if (current.ParentSpanId == ancestor.SpanId) return true;
        }

        return false;
    }
}
