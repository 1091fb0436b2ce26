using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Core.Application;
using IcpExperiments.Server.Mapping;
using IcpExperiments.Server.Security;
using IcpExperiments.Server.Validation;

namespace IcpExperiments.Server.Services;

/// <summary>RecommendationService: validates requests, calls the recommendation use cases and maps the results back.</summary>
public sealed class RecommendationGrpcService(RecommendationApplicationService recommendations) : RecommendationService.RecommendationServiceBase
{
    public override async Task<GetRecommendationResponse> GetRecommendation(GetRecommendationRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var experimentId = ResourceNames.Experiment(request.Experiment, "experiment", validation);
        validation.ThrowIfInvalid();
        var report = await recommendations.GetAsync(context.GetCaller().Team, experimentId!, context.CancellationToken);
        return new GetRecommendationResponse { Recommendation = RecommendationMapping.ToProto(report) };
    }

    public override async Task<GetCriteriaLedgerResponse> GetCriteriaLedger(GetCriteriaLedgerRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var profileId = ResourceNames.Profile(request.Profile, "profile", validation);
        validation.ThrowIfInvalid();
        var ledger = await recommendations.GetLedgerAsync(context.GetCaller().Team, profileId!, context.CancellationToken);
        return new GetCriteriaLedgerResponse { Ledger = RecommendationLedgerMapping.ToProto(ledger) };
    }

    public override async Task<ApplyRecommendationResponse> ApplyRecommendation(ApplyRecommendationRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var experimentId = ResourceNames.Experiment(request.Experiment, "experiment", validation);
        validation.ThrowIfInvalid();
        var caller = context.GetCaller();
        var applied = await recommendations.ApplyAsync(caller.Team, caller.ActorId, experimentId!, context.CancellationToken);
        return new ApplyRecommendationResponse { ProfileVersion = ProfileMapping.ToProto(applied.Version), Created = applied.Created };
    }
}
