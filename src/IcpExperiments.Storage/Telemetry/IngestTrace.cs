using System.Diagnostics;
using IcpExperiments.Storage.Ingest;

namespace IcpExperiments.Storage.Telemetry;

/// <summary>
/// The span of one ingest transaction (<see cref="StorageTelemetry.TraceIngest"/>): <see cref="Committed"/> records what
/// was stored; disposed without it, the span ends as an error (the transaction was rolled back by an exception).
/// </summary>
internal readonly struct IngestTrace(Activity? activity) : IDisposable
{
    public void Committed(IngestPlan plan)
    {
        if (activity is null) return;
        activity.SetTag("icp_experiments.ingest.stored", plan.NewEnrolments.Count + plan.NewOutcomes.Count);
        activity.SetStatus(ActivityStatusCode.Ok);
    }

    public void Dispose()
    {
        if (activity is null) return;
        if (activity.Status == ActivityStatusCode.Unset) activity.SetStatus(ActivityStatusCode.Error, "not committed").SetTag("error.type", "rolled_back");
        activity.Dispose();
    }
}
