using System.Diagnostics;
using IcpExperiments.Contracts.V1;
using FloorTable = IcpExperiments.Benchmarks.SqliteInsertFloor.FloorTable;

namespace IcpExperiments.Benchmarks.EndToEnd;

/// <summary>
/// Outcomes per second through the ImportOutcomes stream of the real server (validation, idempotency and contamination
/// checks, durable per-batch acknowledgements) against, in the same run, the SQLite insert floor for the same rows.
/// The machine may be shared, so floors and gRPC runs alternate (floor, gRPC, floor, gRPC, …, floor) and each gRPC run
/// is divided by the mean of the floors just before and after it. Options: --rows N (1,000,000), --batch B (5,000),
/// --repeat R (3 gRPC runs, each of N new outcomes). Target: ratio ≥ 0.5.
/// </summary>
public sealed class IngestGrpcBenchmark : IBenchmark
{
    public string Name => "ingest-grpc";

    public string Description => "outcomes/s through the ImportOutcomes gRPC stream vs. one prepared INSERT in one transaction (floor)";

    public async Task RunAsync(string[] args)
    {
        int rows = BenchmarkArgs.Option(args, "--rows", 1_000_000);
        int batchSize = BenchmarkArgs.Option(args, "--batch", 5_000);
        int repeat = Math.Max(1, BenchmarkArgs.Option(args, "--repeat", 3));
        await using var server = await BenchmarkServer.StartAsync();
        var enrolWatch = Stopwatch.StartNew();
        await server.EnrolAsync(rows, batchSize);
        Console.WriteLine($"(setup) {rows:N0} enrolments through ImportOutcomes: {rows / enrolWatch.Elapsed.TotalSeconds:N0}/s");
        var client = new OutcomeService.OutcomeServiceClient(server.Channel);
        var folder = Directory.CreateTempSubdirectory("icpx-floor-");
        try
        {
            var floorRows = Enumerable.Range(0, rows).Select(i => ToFloorRow(BenchmarkServer.Outcome(i, "r1"))).ToArray();
            Floors MeasureFloors() => new(
                SqliteInsertFloor.Measure(Path.Combine(folder.FullName, $"heap-{Guid.NewGuid():N}.db"), floorRows, FloorTable.Heap),
                SqliteInsertFloor.Measure(Path.Combine(folder.FullName, $"keyed-{Guid.NewGuid():N}.db"), floorRows, FloorTable.Keyed));
            Console.WriteLine($"rows={rows:N0} batch={batchSize:N0}, {repeat} gRPC runs between floor measurements");
            Console.WriteLine($"{"run",-4} {"ImportOutcomes/s",17} {"heap floor/s",13} {"keyed floor/s",14} {"ratio heap",11} {"ratio keyed",12}");
            var before = MeasureFloors();
            var heapRatios = new List<double>();
            var keyedRatios = new List<double>();
            for (int run = 1; run <= repeat; run++)
            {
                var batches = Batches(server.ExperimentName, rows, batchSize, $"r{run}");
                GC.Collect();
                var watch = Stopwatch.StartNew();
                var totals = await BatchImporter.SendAsync(client, batches);
                watch.Stop();
                if (totals.Accepted != rows) throw new InvalidOperationException($"Only {totals.Accepted} of {rows} outcomes were accepted ({totals.Rejected} rejected).");
                double grpcRate = rows / watch.Elapsed.TotalSeconds;
                var after = MeasureFloors();
                double heap = (before.Heap + after.Heap) / 2, keyed = (before.Keyed + after.Keyed) / 2;
                heapRatios.Add(grpcRate / heap);
                keyedRatios.Add(grpcRate / keyed);
                Console.WriteLine($"{run,-4} {grpcRate,17:N0} {heap,13:N0} {keyed,14:N0} {grpcRate / heap,11:F2} {grpcRate / keyed,12:F2}");
                before = after;
            }

            Console.WriteLine($"ratio vs heap floor:  {heapRatios.Min():F2}–{heapRatios.Max():F2} (median {Median(heapRatios):F2})");
            Console.WriteLine($"ratio vs keyed floor: {keyedRatios.Min():F2}–{keyedRatios.Max():F2} (median {Median(keyedRatios):F2}) (target >= 0.50)");
            var retryWatch = Stopwatch.StartNew();
            var retried = await BatchImporter.SendAsync(client, Batches(server.ExperimentName, rows, batchSize, "r1").Take(20));
            Console.WriteLine($"(check) resending 20 acknowledged batches: {retried.Duplicates:N0} duplicates, {retried.Accepted:N0} stored again, {retryWatch.Elapsed.TotalMilliseconds:N0} ms");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private readonly record struct Floors(double Heap, double Keyed);

    private static List<ImportOutcomesRequest> Batches(string experiment, int rows, int batchSize, string eventPrefix) =>
        Enumerable.Range(0, rows).Chunk(batchSize).Select((chunk, i) =>
        {
            var request = new ImportOutcomesRequest { BatchId = $"{eventPrefix}-b{i}", Parent = experiment };
            request.Rows.AddRange(chunk.Select(o => new ImportRow { Outcome = BenchmarkServer.Outcome(o, eventPrefix) }));
            return request;
        }).ToList();

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static SqliteInsertFloor.Row ToFloorRow(Outcome o) => o.ResultCase == Outcome.ResultOneofCase.Converted
        ? new(o.EventId, o.AccountId, "Converted", o.Converted.ConvertTime.ToDateTimeOffset().UtcTicks, o.Converted.Acv.CurrencyCode, o.Converted.Acv.Units, o.HasCycleDays ? o.CycleDays : null)
        : new(o.EventId, o.AccountId, "Lost", o.Lost.LoseTime.ToDateTimeOffset().UtcTicks, null, null, null);
}
