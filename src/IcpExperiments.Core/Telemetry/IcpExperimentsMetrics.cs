using System.Diagnostics.Metrics;

namespace IcpExperiments.Core.Telemetry;

/// <summary>
/// The service's own instruments, all on one meter (<see cref="MeterName"/>), created through the host's
/// <see cref="IMeterFactory"/> so every container (and every test host) has its own. Recording without a listener
/// costs a flag check. Names are lowercase dotted with units, attribute names follow OpenTelemetry conventions.
/// </summary>
public sealed class IcpExperimentsMetrics
{
    public const string MeterName = "IcpExperiments";
    public const string IngestedName = "icp_experiments.outcomes.ingested";
    public const string RejectedName = "icp_experiments.outcomes.rejected";
    public const string AnalysisDurationName = "icp_experiments.analysis.duration";
    public const string CacheLookupsName = "icp_experiments.analysis.cache.lookups";
    public const string RpcDurationName = "icp_experiments.rpc.server.duration";

    /// <summary>Observable, published by storage over its read models' counters (SQLite): how each was brought up to date.</summary>
    public const string ReadModelUpdatesName = "icp_experiments.analysis.read_model.updates";

    /// <summary>Histogram, recorded by storage per group-commit transaction: how many unary writes it decided.</summary>
    public const string GroupCommitWritesName = "icp_experiments.ingest.group_commit.writes";

    /// <summary>Histogram, recorded by storage per group-commit transaction: how long it held the write gate.</summary>
    public const string GroupCommitDurationName = "icp_experiments.ingest.group_commit.duration";

    public const string PathAttribute = "icp_experiments.ingest.path";
    public const string ReasonAttribute = "icp_experiments.reject.reason";
    public const string CacheResultAttribute = "icp_experiments.cache.result";
    public const string ReadModelPathAttribute = "icp_experiments.read_model.path";

    /// <summary>Unary RPCs: RecordOutcome and EnrolAccount.</summary>
    public const string UnaryPath = "unary";

    /// <summary>The client-streaming ImportOutcomes RPC.</summary>
    public const string StreamPath = "stream";

    /// <summary>Served from a cached result.</summary>
    public const string CacheHit = "hit";

    /// <summary>Joined a computation already running for a newer or equal data version.</summary>
    public const string CacheShared = "shared";

    /// <summary>Started (or queued) a new computation.</summary>
    public const string CacheMiss = "miss";

    /// <summary>A read model brought up to date from this process's own committed writes, without SQL.</summary>
    public const string ReadModelFed = "fed";

    /// <summary>A read model caught up by SQL (another process wrote the file, or pending rows were dropped).</summary>
    public const string ReadModelSqlCatchUp = "sql_catch_up";

    /// <summary>A read model loaded from every row.</summary>
    public const string ReadModelFullLoad = "full_load";

    // Seconds, from 1 ms (a cached read) to 30 s (a very large cold analysis or a long import stream).
    private static readonly double[] DurationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Counter<long> ingested;
    private readonly Counter<long> rejected;
    private readonly Histogram<double> analysisDuration;
    private readonly Counter<long> cacheLookups;
    private readonly Histogram<double> rpcDuration;

    public IcpExperimentsMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        var seconds = new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets };
        ingested = meter.CreateCounter<long>(IngestedName, "{row}", "Rows stored by ingest (outcome events and enrolments), as acknowledged to the client, by path.");
        rejected = meter.CreateCounter<long>(RejectedName, "{row}", "Ingest rows rejected, by path and UPPER_SNAKE reason.");
        analysisDuration = meter.CreateHistogram(AnalysisDurationName, "s", "Time to compute one experiment analysis on a cache miss (snapshot scan and statistics).", advice: seconds);
        cacheLookups = meter.CreateCounter<long>(CacheLookupsName, "{lookup}", "Analysis results cache lookups, by result (hit, shared, miss).");
        rpcDuration = meter.CreateHistogram(RpcDurationName, "s", "Duration of gRPC calls handled by the server, by service, method and gRPC status code.", advice: seconds);
    }

    public void RecordIngested(string path, int rows)
    {
        if (rows > 0) ingested.Add(rows, new KeyValuePair<string, object?>(PathAttribute, path));
    }

    public void RecordRejected(string path, string reason, int rows = 1)
    {
        if (rows > 0) rejected.Add(rows, new KeyValuePair<string, object?>(PathAttribute, path), new KeyValuePair<string, object?>(ReasonAttribute, reason));
    }

    public void RecordAnalysisDuration(TimeSpan elapsed) => analysisDuration.Record(elapsed.TotalSeconds);

    public void RecordCacheLookup(string result) => cacheLookups.Add(1, new KeyValuePair<string, object?>(CacheResultAttribute, result));

    /// <summary>One finished call: <paramref name="method"/> as <c>service/method</c> (as on the call's span), the status code as an integer.</summary>
    public void RecordRpc(string service, string method, int grpcStatusCode, TimeSpan elapsed) =>
        rpcDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("rpc.system", "grpc"),
            new KeyValuePair<string, object?>("rpc.service", service),
            new KeyValuePair<string, object?>("rpc.method", method),
            new KeyValuePair<string, object?>("rpc.grpc.status_code", grpcStatusCode));
}
