using Grpc.Core;
using IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Tests.Replicas;

/// <summary>Calls the replica tests make on any replica: a pipelined import, complete listings, a call's status without throwing.</summary>
public static class ReplicaCalls
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Streams every batch on one ImportOutcomes call (all sent before the acknowledgements are read) and returns the acknowledgements by batch id.</summary>
    public static async Task<Dictionary<string, ImportOutcomesResponse>> ImportAsync(Replica replica, IEnumerable<ImportOutcomesRequest> batches)
    {
        ArgumentNullException.ThrowIfNull(replica);
        using var call = replica.Outcomes.ImportOutcomes(deadline: DateTime.UtcNow + CallTimeout);
        var reading = ReadAcknowledgementsAsync(call.ResponseStream, CancellationToken.None);
        foreach (var batch in batches) await call.RequestStream.WriteAsync(batch);
        await call.RequestStream.CompleteAsync();
        return (await reading).ToDictionary(a => a.BatchId);
    }

    /// <summary>The acknowledgements of a stream until it ends (or fails: then what came before the failure).</summary>
    public static async Task<List<ImportOutcomesResponse>> ReadAcknowledgementsAsync(IAsyncStreamReader<ImportOutcomesResponse> responses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var acknowledgements = new List<ImportOutcomesResponse>();
        while (await responses.MoveNext(cancellationToken)) acknowledgements.Add(responses.Current);
        return acknowledgements;
    }

    /// <summary>Every outcome of the experiment, page after page, through <paramref name="replica"/>.</summary>
    public static async Task<List<Outcome>> ListOutcomesAsync(Replica replica, string experimentName)
    {
        ArgumentNullException.ThrowIfNull(replica);
        var outcomes = new List<Outcome>();
        var token = "";
        do
        {
            var page = await replica.Outcomes.ListOutcomesAsync(new ListOutcomesRequest { Parent = experimentName, PageSize = 1000, PageToken = token });
            outcomes.AddRange(page.Outcomes);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return outcomes;
    }

    /// <summary>Every enrolment of the experiment, page after page, through <paramref name="replica"/>.</summary>
    public static async Task<List<Enrolment>> ListEnrolmentsAsync(Replica replica, string experimentName)
    {
        ArgumentNullException.ThrowIfNull(replica);
        var enrolments = new List<Enrolment>();
        var token = "";
        do
        {
            var page = await replica.Experiments.ListEnrolmentsAsync(new ListEnrolmentsRequest { Parent = experimentName, PageSize = 1000, PageToken = token });
            enrolments.AddRange(page.Enrolments);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return enrolments;
    }

    /// <summary>The call's response, or its failure: races are judged on the statuses of every contender.</summary>
    public static async Task<CallResult<T>> ResultOf<T>(Task<T> call)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return new CallResult<T>(StatusCode.OK, await call, null);
        }
        catch (RpcException exception)
        {
            return new CallResult<T>(exception.StatusCode, null, exception);
        }
    }
}
