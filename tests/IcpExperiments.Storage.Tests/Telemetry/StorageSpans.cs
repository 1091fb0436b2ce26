using System.Diagnostics;
using IcpExperiments.Storage.Telemetry;

namespace IcpExperiments.Storage.Tests.Telemetry;

/// <summary>
/// Collects the storage spans of one test: everything under a root span the test starts. Other tests run in parallel
/// in this process and the storage source is shared, so spans of other traces are ignored.
/// </summary>
internal sealed class StorageSpans : IDisposable
{
    private static readonly ActivitySource TestSource = new("IcpExperiments.Storage.Tests");
    private readonly List<Activity> finished = [];
    private readonly ActivityListener listener;
    private readonly Activity root;

    public StorageSpans()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is StorageTelemetry.SourceName or "IcpExperiments.Storage.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Add,
        };
        ActivitySource.AddActivityListener(listener);
        root = TestSource.StartActivity("test")!;
    }

    /// <summary>The storage spans finished so far under this test's root span.</summary>
    public List<Activity> Finished()
    {
        lock (finished) return [.. finished];
    }

    public void Dispose()
    {
        root.Dispose();
        listener.Dispose();
    }

    private void Add(Activity activity)
    {
        if (activity.Source.Name != StorageTelemetry.SourceName || activity.TraceId != root.TraceId) return;
        lock (finished) finished.Add(activity);
    }
}
