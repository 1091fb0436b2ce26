using System.Diagnostics.Metrics;
using IcpExperiments.Core.Telemetry;

namespace IcpExperiments.Storage.Analysis.ReadModel;

/// <summary>
/// How read models were brought up to date, as one observable counter on the service's meter (names and attribute
/// values in <see cref="IcpExperimentsMetrics"/>, with the service's other instruments), by path: fed from this
/// process's own writes (no SQL), caught up by SQL, or loaded from every row. An operator sees from it whether live
/// results stay on the cheap path.
/// </summary>
internal static class ReadModelMetrics
{
    public static void Observe(IMeterFactory meters, ReadModelSnapshots snapshots)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(snapshots);
        meters.Create(IcpExperimentsMetrics.MeterName).CreateObservableCounter(
            IcpExperimentsMetrics.ReadModelUpdatesName,
            () => new[]
            {
                Measurement(snapshots.FedCatchUps, IcpExperimentsMetrics.ReadModelFed),
                Measurement(snapshots.CatchUps, IcpExperimentsMetrics.ReadModelSqlCatchUp),
                Measurement(snapshots.FullLoads, IcpExperimentsMetrics.ReadModelFullLoad),
            },
            "{update}",
            "Analysis read models brought up to date, by path (fed from this process's writes, SQL catch-up, full load).");
    }

    private static Measurement<long> Measurement(long value, string path) =>
        new(value, new KeyValuePair<string, object?>(IcpExperimentsMetrics.ReadModelPathAttribute, path));
}
