using System.Diagnostics.Metrics;
using IcpExperiments.Core.Telemetry;

namespace IcpExperiments.Storage.Analysis.ReadModel;

/// <summary>
/// How read models were brought up to date, as one observable counter on the service's meter, by path: fed from this
/// process's own writes (no SQL), caught up by SQL (another process wrote, or pending rows were dropped), or loaded from
/// every row. An operator sees from it whether live results stay on the cheap path.
/// </summary>
internal static class ReadModelMetrics
{
    public const string UpdatesName = "icp_experiments.analysis.read_model.updates";
    public const string PathAttribute = "icp_experiments.read_model.path";
    public const string FedPath = "fed";
    public const string SqlCatchUpPath = "sql_catch_up";
    public const string FullLoadPath = "full_load";

    public static void Observe(IMeterFactory meters, ReadModelSnapshots snapshots)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(snapshots);
        meters.Create(IcpExperimentsMetrics.MeterName).CreateObservableCounter(
            UpdatesName,
            () => new[]
            {
                Measurement(snapshots.FedCatchUps, FedPath),
                Measurement(snapshots.CatchUps, SqlCatchUpPath),
                Measurement(snapshots.FullLoads, FullLoadPath),
            },
            "{update}",
            "Analysis read models brought up to date, by path (fed from this process's writes, SQL catch-up, full load).");
    }

    private static Measurement<long> Measurement(long value, string path) => new(value, new KeyValuePair<string, object?>(PathAttribute, path));
}
