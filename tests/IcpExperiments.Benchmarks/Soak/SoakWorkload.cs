using System.Diagnostics;
using Grpc.Core;
using IcpExperiments.Benchmarks.EndToEnd;
using IcpExperiments.Contracts.V1;

namespace IcpExperiments.Benchmarks.Soak;

/// <summary>
/// The mixed load of a day of dashboards and CRM syncs, one operation per sequence number in fixed proportions:
/// 10% ingest (an ImportOutcomes stream with one batch of 500 outcomes), 40% unary RecordOutcome, 30% reads
/// (GetExperiment, a ListOutcomes page), 20% results polling (AnalysisService.GetResults). Every call has a deadline.
/// </summary>
public sealed class SoakWorkload(BenchmarkServer server, int accounts)
{
    private const int BatchRows = 500;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly OutcomeService.OutcomeServiceClient outcomes = new(server.Channel);
    private readonly ExperimentService.ExperimentServiceClient experiments = new(server.Channel);
    private readonly AnalysisService.AnalysisServiceClient analysis = new(server.Channel);

    /// <summary>Runs operation <paramref name="sequence"/> and records its latency or its failure in <paramref name="window"/>.</summary>
    public async Task RunAsync(long sequence, LatencyWindow window)
    {
        var (name, call) = (sequence % 10) switch
        {
            0 => ("ingest-batch", (Func<Task>)(() => IngestAsync(sequence))),
            1 or 2 or 3 or 4 => ("record-outcome", () => RecordAsync(sequence)),
            5 or 6 => ("get-experiment", () => experiments.GetExperimentAsync(new GetExperimentRequest { Name = server.ExperimentName }, deadline: DeadlineFromNow()).ResponseAsync),
            7 => ("list-outcomes", () => outcomes.ListOutcomesAsync(new ListOutcomesRequest { Parent = server.ExperimentName, PageSize = 100 }, deadline: DeadlineFromNow()).ResponseAsync),
            _ => ("get-results", () => analysis.GetResultsAsync(new GetResultsRequest { Experiment = server.ExperimentName }, deadline: DeadlineFromNow()).ResponseAsync),
        };
        long started = Stopwatch.GetTimestamp();
        try
        {
            await call();
            window.Record(name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (RpcException exception)
        {
            window.Fail(name, exception.StatusCode);
        }
    }

    private static DateTime DeadlineFromNow() => DateTime.UtcNow + Deadline;

    private Task<RecordOutcomeResponse> RecordAsync(long sequence) =>
        outcomes.RecordOutcomeAsync(new RecordOutcomeRequest { Parent = server.ExperimentName, Outcome = BenchmarkServer.Outcome((int)(sequence % accounts), $"soak-u{sequence}") }, deadline: DeadlineFromNow()).ResponseAsync;

    private async Task IngestAsync(long sequence)
    {
        var batch = new ImportOutcomesRequest { BatchId = $"soak-{sequence}", Parent = server.ExperimentName };
        for (int i = 0; i < BatchRows; i++)
        {
            var account = (int)((sequence * BatchRows + i) % accounts);
            batch.Rows.Add(new ImportRow { Outcome = BenchmarkServer.Outcome(account, $"soak-b{sequence}-{i}") });
        }

        using var call = outcomes.ImportOutcomes(deadline: DeadlineFromNow());
        await call.RequestStream.WriteAsync(batch);
        await call.RequestStream.CompleteAsync();
        if (!await call.ResponseStream.MoveNext(CancellationToken.None) || call.ResponseStream.Current.AcceptedCount != BatchRows)
            throw new RpcException(new Status(StatusCode.DataLoss, $"Batch {batch.BatchId} was not fully acknowledged."));
    }
}
