using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Server.Mapping;
using IcpExperiments.Server.Security;
using IcpExperiments.Server.Validation;

namespace IcpExperiments.Server.Services;

/// <summary>OutcomeService: unary outcome records, the acknowledged bulk import stream, and listing.</summary>
public sealed class OutcomeGrpcService(OutcomeApplicationService outcomes) : OutcomeService.OutcomeServiceBase
{

    public override async Task<RecordOutcomeResponse> RecordOutcome(RecordOutcomeRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var experimentId = ResourceNames.Experiment(request.Parent, "parent", validation);
        var outcome = validation.Required(request.Outcome, "outcome") ? OutcomeMapping.ToDomain(request.Outcome, "outcome", validation) : null;
        validation.ThrowIfInvalid();
        // The hottest write path: awaited here rather than through InContractTermsAsync, one async layer and closure fewer.
        RecordedOutcome recorded;
        try
        {
            recorded = await outcomes.RecordAsync(context.GetCaller().Team, experimentId!, outcome!, context.CancellationToken);
        }
        catch (ValidationFailedException exception)
        {
            throw ContractFieldPaths.InContractTerms(exception, outcome!.Kind);
        }

        return new RecordOutcomeResponse { Outcome = OutcomeMapping.ToProto(recorded) };
    }

    /// <summary>
    /// One acknowledgement per batch, in order, each written only after the application layer returned (the batch is
    /// committed). A batch-level problem ends the stream with its status; earlier acknowledged batches stay stored.
    /// Batches are pipelined: one is stored and acknowledged on a pool thread while the next is read and mapped, so
    /// decoding and storing use both cores; at most one batch is being stored at a time, and its acknowledgement never
    /// waits for the next batch (a client may send one batch at a time).
    /// </summary>
    public override async Task ImportOutcomes(
        IAsyncStreamReader<ImportOutcomesRequest> requestStream, IServerStreamWriter<ImportOutcomesResponse> responseStream, ServerCallContext context)
    {
        var team = context.GetCaller().Team;
        Task? storing = null;
        // A batch that fails while the next is awaited must end the call at once, not when (if ever) the next arrives.
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        try
        {
            await foreach (var request in requestStream.ReadAllAsync(reading.Token))
            {
                var validation = new RequestValidation();
                validation.Required(request.BatchId, "batch_id");
                var experimentId = ResourceNames.Experiment(request.Parent, "parent", validation);
                validation.ThrowIfInvalid();
                var batch = ImportMapping.ToDomain(experimentId!, request, out var protoRejections);
                if (storing is not null) await storing;
                storing = Task.Run(async () =>
                {
                    try
                    {
                        var result = await outcomes.ImportAsync(team, experimentId!, batch, context.CancellationToken);
                        await responseStream.WriteAsync(ImportMapping.ToProto(result, batch, protoRejections), context.CancellationToken);
                    }
                    catch
                    {
                        await reading.CancelAsync();
                        throw;
                    }
                });
            }
        }
        catch when (storing is not null)
        {
            // The batch being stored came first: it is acknowledged (or its failure reported) before this problem.
            await storing;
            throw;
        }

        if (storing is not null) await storing;
    }

    public override async Task<ListOutcomesResponse> ListOutcomes(ListOutcomesRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var experimentId = ResourceNames.Experiment(request.Parent, "parent", validation);
        var page = CommonMapping.ToPageRequest(request.PageSize, request.PageToken, validation);
        validation.ThrowIfInvalid();
        var result = await outcomes.ListOutcomesAsync(context.GetCaller().Team, experimentId!, page, context.CancellationToken);
        var response = new ListOutcomesResponse { NextPageToken = result.NextPageToken ?? string.Empty };
        response.Outcomes.AddRange(result.Items.Select(OutcomeMapping.ToProto));
        return response;
    }
}
