using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Core.Application;
using IcpExperiments.Server.Mapping;
using IcpExperiments.Server.Security;
using IcpExperiments.Server.Validation;

namespace IcpExperiments.Server.Services;

/// <summary>AnalysisService: validates, asks the (caching) analyzer, maps the analysis back.</summary>
public sealed class AnalysisGrpcService(IExperimentAnalyzer analyzer) : AnalysisService.AnalysisServiceBase
{
    public override async Task<GetResultsResponse> GetResults(GetResultsRequest request, ServerCallContext context)
    {
        var query = AnalysisRequestMapping.ToQuery(request.Experiment, request.AsOf, request.Correction, request.CurvePoints);
        var analysis = await analyzer.AnalyzeAsync(context.GetCaller().Team, query.ExperimentId, query.Request, context.CancellationToken);
        return new GetResultsResponse { Results = AnalysisMapping.ToProto(analysis, query.CurvePoints) };
    }
}
