using IcpExperiments.Contracts.V1;

namespace IcpExperiments.Benchmarks.EndToEnd;

/// <summary>Sends batches on one ImportOutcomes stream while reading the acknowledgements concurrently (pipelined, as a real importer would).</summary>
public static class BatchImporter
{
    public sealed record Totals(long Accepted, long Duplicates, long Rejected);

    public static async Task<Totals> SendAsync(OutcomeService.OutcomeServiceClient client, IEnumerable<ImportOutcomesRequest> batches)
    {
        using var call = client.ImportOutcomes();
        var reader = Task.Run(async () =>
        {
            long accepted = 0, duplicates = 0, rejected = 0;
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                var ack = call.ResponseStream.Current;
                accepted += ack.AcceptedCount;
                duplicates += ack.DuplicateCount;
                rejected += ack.RejectedRows.Count;
            }

            return new Totals(accepted, duplicates, rejected);
        });
        foreach (var batch in batches) await call.RequestStream.WriteAsync(batch);
        await call.RequestStream.CompleteAsync();
        return await reader;
    }
}
