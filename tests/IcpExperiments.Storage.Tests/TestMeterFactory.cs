using System.Diagnostics.Metrics;

namespace IcpExperiments.Storage.Tests;

/// <summary>
/// The host's meter factory in miniature (the storage tests have no hosting packages): meters scoped to this factory, so
/// a listener can tell one test container's instruments from another's, disposed with the container.
/// </summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> meters = [];
    private readonly Lock sync = new();

    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
        lock (sync) meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        lock (sync)
        {
            foreach (var meter in meters) meter.Dispose();
            meters.Clear();
        }
    }
}
