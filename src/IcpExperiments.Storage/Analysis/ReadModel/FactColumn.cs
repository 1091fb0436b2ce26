namespace IcpExperiments.Storage.Analysis.ReadModel;

/// <summary>
/// One column of the read model: a plain array grown by half again when full (no object per row).
/// </summary>
internal sealed class FactColumn<T>
    where T : unmanaged
{
    private const int InitialCapacity = 256;
    private T[] items = [];

    public int Count { get; private set; }

    /// <summary>The rows written so far (valid until the next <see cref="Add"/>).</summary>
    public ReadOnlySpan<T> Items => items.AsSpan(0, Count);

    /// <summary>Bytes held, spare capacity included.</summary>
    public long Bytes => (long)items.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();

    public T this[int index]
    {
        get => items[index];
        set => items[index] = value;
    }

    public void Add(T value)
    {
        if (Count == items.Length) Array.Resize(ref items, Math.Max(InitialCapacity, items.Length + (items.Length / 2)));
        items[Count++] = value;
    }

    /// <summary>Makes room for <paramref name="rows"/> more rows at once (a first load knows its count).</summary>
    public void Reserve(int rows)
    {
        if (Count + rows > items.Length) Array.Resize(ref items, Count + rows);
    }
}
