using System.Diagnostics.Metrics;
using IcpExperiments.Core.Telemetry;

namespace IcpExperiments.Core.Tests.Fakes;

/// <summary>
/// An <see cref="IcpExperimentsMetrics"/> on its own meter with a listener that sums what it records. Only this
/// instance's meter is listened to, so tests running in parallel do not see each other's measurements.
/// </summary>
internal sealed class RecordedMetrics : IDisposable
{
    private readonly Factory factory = new();
    private readonly MeterListener listener = new();
    private readonly List<(string Name, double Value, KeyValuePair<string, object?>[] Tags)> measurements = [];

    public RecordedMetrics()
    {
        Metrics = new IcpExperimentsMetrics(factory);
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, factory.Created)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.Start();
    }

    public IcpExperimentsMetrics Metrics { get; }

    /// <summary>The sum of the measurements of <paramref name="name"/> carrying all of <paramref name="tags"/>.</summary>
    public double Sum(string name, params (string Key, string Value)[] tags) => Matching(name, tags).Sum(m => m.Value);

    public void Dispose()
    {
        listener.Dispose();
        factory.Dispose();
    }

    private List<(string Name, double Value, KeyValuePair<string, object?>[] Tags)> Matching(string name, (string Key, string Value)[] tags)
    {
        lock (measurements)
        {
            return measurements.Where(m => m.Name == name && tags.All(t => m.Tags.Any(k => k.Key == t.Key && Equals(k.Value?.ToString(), t.Value)))).ToList();
        }
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (measurements) measurements.Add((instrument.Name, value, tags.ToArray()));
    }

    private sealed class Factory : IMeterFactory
    {
        public Meter? Created { get; private set; }

        public Meter Create(MeterOptions options) => Created = new Meter(options);

        public void Dispose() => Created?.Dispose();
    }
}
