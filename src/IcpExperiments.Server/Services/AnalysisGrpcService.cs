using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Application;
using IcpExperiments.Server.Mapping;
using IcpExperiments.Server.Security;
using IcpExperiments.Server.Validation;

namespace IcpExperiments.Server.Services;

/// <summary>AnalysisService: validates, asks the (caching) analyzer, maps the analysis back.</summary>
public sealed class AnalysisGrpcService(IExperimentAnalyzer analyzer, ResultsWatcher watcher, SegmentAnalyzer segments) : AnalysisService.AnalysisServiceBase
{
    public override async Task<GetResultsResponse> GetResults(GetResultsRequest request, ServerCallContext context)
    {
        var query = AnalysisRequestMapping.ToQuery(request.Experiment, request.AsOf, request.Correction, request.CurvePoints);
        var analysis = await analyzer.AnalyzeAsync(context.GetCaller().Team, query.ExperimentId, query.Request, context.CancellationToken);
        return new GetResultsResponse { Results = AnalysisMapping.ToProto(analysis, query.CurvePoints) };
    }

    /// <summary>Streams results until the client cancels or the deadline passes; either ends the call without an error of ours.</summary>
    public override async Task WatchResults(WatchResultsRequest request, IServerStreamWriter<WatchResultsResponse> responseStream, ServerCallContext context)
    {
        var query = AnalysisRequestMapping.ToQuery(request.Experiment, request.AsOf, request.Correction, request.CurvePoints);
        var cancellationToken = context.CancellationToken;
        try
        {
            await foreach (var analysis in watcher.WatchAsync(context.GetCaller().Team, query.ExperimentId, query.Request, cancellationToken))
                await responseStream.WriteAsync(new WatchResultsResponse { Results = AnalysisMapping.ToProto(analysis, query.CurvePoints) }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away or its deadline passed: the watch is over, nothing to report.
        }
    }

    public override Task<PlanSampleSizeResponse> PlanSampleSize(PlanSampleSizeRequest request, ServerCallContext context) =>
        Task.FromResult(AnalysisPlanMapping.ToProto(SamplePlanner.Plan(AnalysisPlanMapping.ToDomain(request))));

    public override async Task<GetSegmentsResponse> GetSegments(GetSegmentsRequest request, ServerCallContext context)
    {
        var query = AnalysisSegmentMapping.ToQuery(request);
        var report = await segments.AnalyzeAsync(context.GetCaller().Team, query.ExperimentId, query.Request, context.CancellationToken);
        return new GetSegmentsResponse { Segments = AnalysisSegmentMapping.ToProto(query.ExperimentId, report) };
    }
}
