using System.Diagnostics;

namespace IcpExperiments.Storage.Telemetry;

/// <summary>
/// The span of one transaction whose statements are not traced one by one (the ingest hot path, the analysis scans):
/// <see cref="Committed"/> marks it done; disposed without it, the span ends as an error (an exception left the
/// transaction). Inert (no span) when nobody listens.
/// </summary>
internal readonly struct TransactionTrace(Activity? activity) : IDisposable
{
    /// <param name="storedRows">Rows written, for a write transaction.</param>
    public void Committed(int? storedRows = null)
    {
        if (activity is null) return;
        if (storedRows is { } stored) activity.SetTag("icp_experiments.ingest.stored", stored);
        activity.SetStatus(ActivityStatusCode.Ok);
    }

    public void Dispose()
    {
        if (activity is null) return;
        if (activity.Status == ActivityStatusCode.Unset) activity.SetStatus(ActivityStatusCode.Error, "not committed").SetTag("error.type", "rolled_back");
        activity.Dispose();
    }
}
