using System.Collections.ObjectModel;

namespace IcpExperiments.Server.Tests.Telemetry;

/// <summary>A list the in-memory exporters may add to from any thread while a test reads <see cref="Snapshot"/>.</summary>
public sealed class SynchronizedList<T> : Collection<T>
{
    private readonly Lock gate = new();

    public List<T> Snapshot()
    {
        lock (gate) return [.. Items];
    }

    protected override void InsertItem(int index, T item)
    {
        lock (gate) base.InsertItem(index, item);
    }

    protected override void ClearItems()
    {
        lock (gate) base.ClearItems();
    }

    protected override void RemoveItem(int index)
    {
        lock (gate) base.RemoveItem(index);
    }

    protected override void SetItem(int index, T item)
    {
        lock (gate) base.SetItem(index, item);
    }
}
