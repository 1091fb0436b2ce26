using DomainState = IcpExperiments.Core.Experiments.ExperimentState;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Core.Application;
using IcpExperiments.Server.Mapping;
using IcpExperiments.Server.Security;
using IcpExperiments.Server.Validation;

namespace IcpExperiments.Server.Services;

/// <summary>ExperimentService: validates requests, maps them to the experiment, campaign and enrolment use cases, maps back.</summary>
public sealed class ExperimentGrpcService(ExperimentApplicationService experiments, OutcomeApplicationService outcomes)
    : ExperimentService.ExperimentServiceBase
{

    public override async Task<CreateExperimentResponse> CreateExperiment(CreateExperimentRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var design = validation.Required(request.Experiment, "experiment") ? ExperimentMapping.ToDesign(request.Experiment, "experiment", validation) : null;
        validation.ThrowIfInvalid();
        var experiment = await experiments.CreateAsync(context.GetCaller().Team, request.ExperimentId, design!, context.CancellationToken);
        return new CreateExperimentResponse { Experiment = ExperimentMapping.ToProto(experiment) };
    }

    public override async Task<GetExperimentResponse> GetExperiment(GetExperimentRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var experimentId = ResourceNames.Experiment(request.Name, "name", validation);
        validation.ThrowIfInvalid();
        var experiment = await experiments.GetAsync(context.GetCaller().Team, experimentId!, context.CancellationToken);
        return new GetExperimentResponse { Experiment = ExperimentMapping.ToProto(experiment) };
    }

    public override async Task<ListExperimentsResponse> ListExperiments(ListExperimentsRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var page = CommonMapping.ToPageRequest(request.PageSize, request.PageToken, validation);
        var state = ExperimentMapping.ToStateFilter(request.State, "state", validation);
        validation.ThrowIfInvalid();
        var result = await experiments.ListAsync(context.GetCaller().Team, state, page, context.CancellationToken);
        var response = new ListExperimentsResponse { NextPageToken = result.NextPageToken ?? string.Empty };
        response.Experiments.AddRange(result.Items.Select(ExperimentMapping.ToProto));
        return response;
    }

    public override async Task<UpdateExperimentResponse> UpdateExperiment(UpdateExperimentRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var experimentId = validation.Required(request.Experiment, "experiment") ? ResourceNames.Experiment(request.Experiment.Name, "experiment.name", validation) : null;
        var paths = FieldMasks.Paths(request.UpdateMask, ExperimentMapping.UpdatablePaths, validation);
        validation.ThrowIfInvalid();

        // The mask is merged into the design read here; without a client etag, that read's etag guards the write,
        // so a concurrent change between this read and the write is never overwritten.
        var current = await experiments.GetAsync(context.GetCaller().Team, experimentId!, context.CancellationToken);
        var design = paths.Aggregate(current.Design, (d, path) => ExperimentMapping.Apply(d, request.Experiment, path, "experiment", validation));
        validation.ThrowIfInvalid();
        var etag = request.Experiment.Etag.Length == 0 ? current.Etag : request.Experiment.Etag;
        var updated = await experiments.UpdateDesignAsync(context.GetCaller().Team, experimentId!, design, etag, context.CancellationToken);
        return new UpdateExperimentResponse { Experiment = ExperimentMapping.ToProto(updated) };
    }

    public override async Task<StartExperimentResponse> StartExperiment(StartExperimentRequest request, ServerCallContext context) =>
        new() { Experiment = await TransitionAsync(request.Name, request.Etag, DomainState.Running, context) };

    public override async Task<StopExperimentResponse> StopExperiment(StopExperimentRequest request, ServerCallContext context) =>
        new() { Experiment = await TransitionAsync(request.Name, request.Etag, DomainState.Stopped, context) };

    public override async Task<ConcludeExperimentResponse> ConcludeExperiment(ConcludeExperimentRequest request, ServerCallContext context) =>
        new() { Experiment = await TransitionAsync(request.Name, request.Etag, DomainState.Concluded, context) };

    public override async Task<ArchiveExperimentResponse> ArchiveExperiment(ArchiveExperimentRequest request, ServerCallContext context) =>
        new() { Experiment = await TransitionAsync(request.Name, request.Etag, DomainState.Archived, context) };

    public override async Task<CreateCampaignResponse> CreateCampaign(CreateCampaignRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var experimentId = ResourceNames.Experiment(request.Parent, "parent", validation);
        var campaign = validation.Required(request.Campaign, "campaign")
            ? CampaignMapping.ToDomain(experimentId ?? string.Empty, request.CampaignId, request.Campaign, "campaign", validation)
            : null;
        validation.ThrowIfInvalid();
        var created = await ContractFieldPaths.InContractTermsAsync(() => experiments.CreateCampaignAsync(context.GetCaller().Team, campaign!, context.CancellationToken));

        return new CreateCampaignResponse { Campaign = CampaignMapping.ToProto(created) };
    }

    public override async Task<GetCampaignResponse> GetCampaign(GetCampaignRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var name = ResourceNames.Campaign(request.Name, "name", validation);
        validation.ThrowIfInvalid();
        var campaign = await experiments.GetCampaignAsync(context.GetCaller().Team, name!.Value.ExperimentId, name.Value.CampaignId, context.CancellationToken);
        return new GetCampaignResponse { Campaign = CampaignMapping.ToProto(campaign) };
    }

    public override async Task<ListCampaignsResponse> ListCampaigns(ListCampaignsRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var experimentId = ResourceNames.Experiment(request.Parent, "parent", validation);
        var page = CommonMapping.ToPageRequest(request.PageSize, request.PageToken, validation);
        validation.ThrowIfInvalid();
        var result = await experiments.ListCampaignsAsync(context.GetCaller().Team, experimentId!, page, context.CancellationToken);
        var response = new ListCampaignsResponse { NextPageToken = result.NextPageToken ?? string.Empty };
        response.Campaigns.AddRange(result.Items.Select(CampaignMapping.ToProto));
        return response;
    }

    public override async Task<UpdateCampaignResponse> UpdateCampaign(UpdateCampaignRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var name = validation.Required(request.Campaign, "campaign") ? ResourceNames.Campaign(request.Campaign.Name, "campaign.name", validation) : null;
        var paths = FieldMasks.Paths(request.UpdateMask, CampaignMapping.UpdatablePaths, validation);
        validation.ThrowIfInvalid();
        var current = await experiments.GetCampaignAsync(context.GetCaller().Team, name!.Value.ExperimentId, name.Value.CampaignId, context.CancellationToken);
        var campaign = paths.Aggregate(current, (c, path) => CampaignMapping.Apply(c, request.Campaign, path, "campaign", validation));
        validation.ThrowIfInvalid();
        var etag = request.Campaign.Etag.Length == 0 ? current.Etag : request.Campaign.Etag;
        var updated = await ContractFieldPaths.InContractTermsAsync(() => experiments.UpdateCampaignAsync(context.GetCaller().Team, campaign, etag, context.CancellationToken));

        return new UpdateCampaignResponse { Campaign = CampaignMapping.ToProto(updated) };
    }

    public override async Task<EnrolAccountResponse> EnrolAccount(EnrolAccountRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var experimentId = ResourceNames.Experiment(request.Parent, "parent", validation);
        var enrolment = validation.Required(request.Enrolment, "enrolment")
            ? EnrolmentMapping.ToDomain(experimentId ?? string.Empty, request.Enrolment, "enrolment", validation)
            : null;
        validation.ThrowIfInvalid();
        var result = await ContractFieldPaths.InContractTermsAsync(() => outcomes.EnrollAsync(context.GetCaller().Team, enrolment!, context.CancellationToken));

        return new EnrolAccountResponse { Enrolment = EnrolmentMapping.ToProto(result.Enrolment) };
    }

    public override async Task<ListEnrolmentsResponse> ListEnrolments(ListEnrolmentsRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var experimentId = ResourceNames.Experiment(request.Parent, "parent", validation);
        var page = CommonMapping.ToPageRequest(request.PageSize, request.PageToken, validation);
        validation.ThrowIfInvalid();
        var result = await outcomes.ListEnrolmentsAsync(context.GetCaller().Team, experimentId!, page, context.CancellationToken);
        var response = new ListEnrolmentsResponse { NextPageToken = result.NextPageToken ?? string.Empty };
        response.Enrolments.AddRange(result.Items.Select(EnrolmentMapping.ToProto));
        return response;
    }

    private async Task<Experiment> TransitionAsync(string name, string etag, DomainState target, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var experimentId = ResourceNames.Experiment(name, "name", validation);
        validation.ThrowIfInvalid();
        var experiment = await experiments.TransitionAsync(context.GetCaller().Team, experimentId!, target, etag, context.CancellationToken);
        return ExperimentMapping.ToProto(experiment);
    }
}
