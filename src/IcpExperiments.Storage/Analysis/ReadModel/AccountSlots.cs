namespace IcpExperiments.Storage.Analysis.ReadModel;

/// <summary>
/// Finds an account's slot (its enrolment's index in the read model) from its <see cref="AccountKey"/>: a sorted array
/// of keys with their slots (12 bytes per account, binary search) plus a small dictionary of accounts added since the
/// last merge. Two accounts with the same key cannot be told apart, so <see cref="TryAdd"/> refuses the second and the
/// caller gives the experiment back to the plain scan.
/// </summary>
internal sealed class AccountSlots
{
    private readonly Dictionary<long, int> recent = [];
    private long[] keys = [];
    private int[] slots = [];

    public long Bytes => (keys.Length * 12L) + (recent.Count * 24L);

    /// <summary>Indexes the accounts of a first load, <paramref name="accountKeys"/>[slot]; false on a duplicate key.</summary>
    public bool TryIndex(long[] accountKeys, int count)
    {
        keys = accountKeys.AsSpan(0, count).ToArray();
        slots = new int[count];
        for (int i = 0; i < count; i++) slots[i] = i;
        Array.Sort(keys, slots);
        recent.Clear();
        return !HasAdjacentDuplicate(keys);
    }

    public int Find(long key)
    {
        int at = Array.BinarySearch(keys, key);
        if (at >= 0) return slots[at];
        return recent.TryGetValue(key, out int slot) ? slot : -1;
    }

    /// <summary>Adds an account enrolled after the first load; false when its key is already taken.</summary>
    public bool TryAdd(long key, int slot)
    {
        if (Array.BinarySearch(keys, key) >= 0 || !recent.TryAdd(key, slot)) return false;
        if (recent.Count > 4096 && recent.Count > keys.Length / 8) Merge();
        return true;
    }

    private void Merge()
    {
        var addedKeys = recent.Keys.ToArray();
        var addedSlots = recent.Values.ToArray();
        Array.Sort(addedKeys, addedSlots);
        var mergedKeys = new long[keys.Length + addedKeys.Length];
        var mergedSlots = new int[mergedKeys.Length];
        int a = 0, b = 0;
        for (int i = 0; i < mergedKeys.Length; i++)
        {
            bool fromOld = b == addedKeys.Length || (a < keys.Length && keys[a] < addedKeys[b]);
            (mergedKeys[i], mergedSlots[i]) = fromOld ? (keys[a], slots[a++]) : (addedKeys[b], addedSlots[b++]);
        }

        keys = mergedKeys;
        slots = mergedSlots;
        recent.Clear();
    }

    private static bool HasAdjacentDuplicate(long[] sorted)
    {
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == sorted[i - 1]) return true;
        }

        return false;
    }
}
