using System.Data.Common;
using System.Diagnostics;

namespace IcpExperiments.Storage.Telemetry;

/// <summary>
/// The storage layer's spans (<see cref="SourceName"/>): one client span per EF Core command
/// (<see cref="DbCommandTracingInterceptor"/>), and one per transaction for the work that runs raw ADO.NET or native
/// statements instead (the ingest transaction, the analysis and segment scans). Attributes follow OpenTelemetry's database conventions; statements are summarized as operation
/// and table, never with their text or parameter values. Without a listener nothing is allocated.
/// </summary>
public static class StorageTelemetry
{
    public const string SourceName = "IcpExperiments.Storage";
    public const string IngestOperation = "INGEST";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>True while some listener (an OpenTelemetry tracer provider, a test) samples this source.</summary>
    internal static bool IsTracing => Source.HasListeners();

    /// <summary>A span for one statement, or null when nobody listens.</summary>
    internal static Activity? StartCommand(DbCommand command)
    {
        if (!Source.HasListeners()) return null;
        var summary = SqlSummary.Of(command.CommandText);
        var activity = Source.StartActivity(summary.SpanName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system", DbSystem(command.Connection));
            activity.SetTag("db.operation", summary.Operation);
            if (summary.Table is not null) activity.SetTag("db.sql.table", summary.Table);
            activity.SetTag("db.query.summary", summary.SpanName);
        }

        return activity;
    }

    /// <summary>
    /// A span for one ingest transaction (lookups, inserts and the version bump of a whole batch or group of unary
    /// writes). Its statements are not traced one by one: they are the hot path.
    /// </summary>
    internal static TransactionTrace TraceIngest(string? providerName, string experimentId, int rows)
    {
        var activity = StartTransaction(providerName, IngestOperation, "outcomes", experimentId);
        activity?.SetTag("icp_experiments.ingest.rows", rows);
        return new TransactionTrace(activity);
    }

    /// <summary>A span for one read transaction of raw statements on the context's connection (the analysis and segment scans).</summary>
    internal static TransactionTrace TraceRead(IcpExperimentsDbContext db, string what, string experimentId) =>
        new(StartTransaction(db.Database.ProviderName, "SELECT", what, experimentId));

    /// <summary>Marks <paramref name="activity"/> failed with the error's type (and SQL state when there is one), never its message.</summary>
    internal static void RecordError(Activity? activity, Exception error)
    {
        if (activity is null) return;
        ArgumentNullException.ThrowIfNull(error);
        var type = error is DbException { SqlState: { Length: > 0 } state } ? state : error.GetType().FullName;
        activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        activity.SetTag("error.type", type);
    }

    /// <summary>The OpenTelemetry <c>db.system</c> value of an EF Core provider or ADO.NET connection type name.</summary>
    public static string DbSystem(string? providerOrConnectionType) => providerOrConnectionType switch
    {
        null => "other_sql",
        _ when providerOrConnectionType.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) => "sqlite",
        _ when providerOrConnectionType.Contains("Npgsql", StringComparison.OrdinalIgnoreCase) => "postgresql",
        _ => "other_sql",
    };

    private static Activity? StartTransaction(string? providerName, string operation, string table, string experimentId)
    {
        if (!Source.HasListeners()) return null;
        var activity = Source.StartActivity($"{operation} {table}", ActivityKind.Client);
        if (activity is not { IsAllDataRequested: true }) return activity;
        activity.SetTag("db.system", DbSystem(providerName));
        activity.SetTag("db.operation", operation);
        activity.SetTag("db.sql.table", table);
        activity.SetTag("db.query.summary", $"{operation} {table}");
        activity.SetTag("icp_experiments.experiment_id", experimentId);
        return activity;
    }

    private static string DbSystem(DbConnection? connection) => DbSystem(connection?.GetType().Name);
}
