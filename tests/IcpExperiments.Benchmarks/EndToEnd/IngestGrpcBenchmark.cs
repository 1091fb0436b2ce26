using System.Diagnostics;
using IcpExperiments.Contracts.V1;

namespace IcpExperiments.Benchmarks.EndToEnd;

/// <summary>
/// Outcomes per second through the ImportOutcomes stream of the real server (validation, idempotency and contamination
/// checks, durable per-batch acknowledgements) against, in the same run, the SQLite insert floor for the same rows.
/// Options: --rows N (1,000,000), --batch B (5,000). Target: ratio ≥ 0.5.
/// </summary>
public sealed class IngestGrpcBenchmark : IBenchmark
{
    public string Name => "ingest-grpc";

    public string Description => "outcomes/s through the ImportOutcomes gRPC stream vs. one prepared INSERT in one transaction (floor)";

    public async Task RunAsync(string[] args)
    {
        int rows = BenchmarkArgs.Option(args, "--rows", 1_000_000);
        int batchSize = BenchmarkArgs.Option(args, "--batch", 5_000);
        var outcomes = Enumerable.Range(0, rows).Select(i => BenchmarkServer.Outcome(i)).ToArray();

        await using var server = await BenchmarkServer.StartAsync();
        var enrolWatch = Stopwatch.StartNew();
        await server.EnrolAsync(rows, batchSize);
        Console.WriteLine($"(setup) {rows:N0} enrolments through ImportOutcomes: {rows / enrolWatch.Elapsed.TotalSeconds:N0}/s");

        var batches = outcomes.Chunk(batchSize).Select((chunk, i) =>
        {
            var request = new ImportOutcomesRequest { BatchId = $"b{i}", Parent = server.ExperimentName };
            request.Rows.AddRange(chunk.Select(o => new ImportRow { Outcome = o }));
            return request;
        }).ToList();
        var client = new OutcomeService.OutcomeServiceClient(server.Channel);
        var watch = Stopwatch.StartNew();
        var totals = await BatchImporter.SendAsync(client, batches);
        watch.Stop();
        if (totals.Accepted != rows) throw new InvalidOperationException($"Only {totals.Accepted} of {rows} outcomes were accepted ({totals.Rejected} rejected).");
        double grpcRate = rows / watch.Elapsed.TotalSeconds;

        var retryWatch = Stopwatch.StartNew();
        var retried = await BatchImporter.SendAsync(client, batches.Take(20));
        Console.WriteLine($"(check) resending 20 acknowledged batches: {retried.Duplicates:N0} duplicates, {retried.Accepted:N0} stored again, {retryWatch.Elapsed.TotalMilliseconds:N0} ms");

        var folder = Directory.CreateTempSubdirectory("icpx-floor-");
        try
        {
            var floorRows = outcomes.Select(ToFloorRow).ToArray();
            double floorRate = SqliteInsertFloor.Measure(Path.Combine(folder.FullName, "floor.db"), floorRows);
            Console.WriteLine($"rows={rows:N0} batch={batchSize:N0}");
            Console.WriteLine($"ImportOutcomes (gRPC, durable acks) {grpcRate,12:N0} outcomes/s");
            Console.WriteLine($"floor (1 tx, 1 prepared INSERT)     {floorRate,12:N0} rows/s");
            Console.WriteLine($"ratio                               {grpcRate / floorRate,12:F2} (target >= 0.50)");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static SqliteInsertFloor.Row ToFloorRow(Outcome o) => o.ResultCase == Outcome.ResultOneofCase.Converted
        ? new(o.EventId, o.AccountId, "Converted", o.Converted.ConvertTime.ToDateTimeOffset().UtcTicks, o.Converted.Acv.CurrencyCode, o.Converted.Acv.Units, o.HasCycleDays ? o.CycleDays : null)
        : new(o.EventId, o.AccountId, "Lost", o.Lost.LoseTime.ToDateTimeOffset().UtcTicks, null, null, null);
}
