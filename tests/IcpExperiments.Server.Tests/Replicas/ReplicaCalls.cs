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
    public static Task<List<Outcome>> ListOutcomesAsync(Replica replica, string experimentName)
    {
        ArgumentNullException.ThrowIfNull(replica);
        return AllPagesAsync(
            async token => await replica.Outcomes.ListOutcomesAsync(new ListOutcomesRequest { Parent = experimentName, PageSize = 1000, PageToken = token }),
            page => (page.Outcomes, page.NextPageToken));
    }

    /// <summary>Every enrolment of the experiment, page after page, through <paramref name="replica"/>.</summary>
    public static Task<List<Enrolment>> ListEnrolmentsAsync(Replica replica, string experimentName)
    {
        ArgumentNullException.ThrowIfNull(replica);
        return AllPagesAsync(
            async token => await replica.Experiments.ListEnrolmentsAsync(new ListEnrolmentsRequest { Parent = experimentName, PageSize = 1000, PageToken = token }),
            page => (page.Enrolments, page.NextPageToken));
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

    private static async Task<List<TItem>> AllPagesAsync<TPage, TItem>(Func<string, Task<TPage>> fetch, Func<TPage, (IEnumerable<TItem> Items, string NextPageToken)> split)
    {
        var items = new List<TItem>();
        var token = "";
        do
        {
            var (pageItems, next) = split(await fetch(token));
            items.AddRange(pageItems);
            token = next;
        }
        while (token.Length > 0);
        return items;
    }
}
