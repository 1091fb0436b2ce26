namespace IcpExperiments.Storage.Analysis.ReadModel;

/// <summary>
/// Finds an account's slot (its enrolment's index in the read model) from its <see cref="AccountKey"/>: the keys sorted
/// with their slots (12 bytes per account) plus a directory of where each run of keys with the same top bits starts
/// (about one int per 16 accounts), so a lookup is one directory read and a binary search over ~16 keys; keys are
/// uniformly spread, so a counting sort on the top bits orders them in linear time. Accounts added by catch-ups wait in
/// a small dictionary until merged. Two accounts with the same key cannot be told apart, so <see cref="TryAdd"/> and
/// <see cref="TryIndex"/> refuse them and the caller gives the experiment back to the plain scan.
/// </summary>
internal sealed class AccountSlots
{
    private const int KeysPerBucket = 16;
    private readonly Dictionary<long, int> recent = [];
    private long[] keys = [];
    private int[] slots = [];
    private int[] bucketStarts = [0, 0];
    private int shift = 64;

    public long Bytes => (keys.Length * 12L) + (bucketStarts.Length * 4L) + (recent.Count * 24L);

    /// <summary>Indexes the accounts of a first load, <paramref name="accountKeys"/>[slot]; false on a duplicate key.</summary>
    public bool TryIndex(ReadOnlySpan<long> accountKeys)
    {
        var allSlots = new int[accountKeys.Length];
        for (int i = 0; i < allSlots.Length; i++) allSlots[i] = i;
        recent.Clear();
        return Build(accountKeys, allSlots);
    }

    public int Find(long key)
    {
        int bucket = Bucket(key);
        int at = Array.BinarySearch(keys, bucketStarts[bucket], bucketStarts[bucket + 1] - bucketStarts[bucket], key);
        if (at >= 0) return slots[at];
        return recent.TryGetValue(key, out int slot) ? slot : -1;
    }

    /// <summary>Adds an account enrolled after the first load; false when its key is already taken.</summary>
    public bool TryAdd(long key, int slot)
    {
        if (Find(key) >= 0 || !recent.TryAdd(key, slot)) return false;
        if (recent.Count > 4096 && recent.Count > keys.Length / 8) return Merge();
        return true;
    }

    private bool Merge()
    {
        var allKeys = new long[keys.Length + recent.Count];
        var allSlots = new int[allKeys.Length];
        keys.CopyTo(allKeys, 0);
        slots.CopyTo(allSlots, 0);
        int i = keys.Length;
        foreach (var (key, slot) in recent) (allKeys[i], allSlots[i++]) = (key, slot);
        recent.Clear();
        return Build(allKeys, allSlots);
    }

    /// <summary>Counting sort by the top bits into buckets, then each small bucket sorted in place; false on a duplicate key.</summary>
    private bool Build(ReadOnlySpan<long> unsortedKeys, int[] unsortedSlots)
    {
        int bits = 0;
        while ((KeysPerBucket << bits) < unsortedKeys.Length && bits < 24) bits++;
        shift = 64 - bits;
        int buckets = 1 << bits;
        var starts = new int[buckets + 1];
        foreach (long key in unsortedKeys) starts[Bucket(key) + 1]++;
        for (int b = 0; b < buckets; b++) starts[b + 1] += starts[b];
        var next = starts.AsSpan(0, buckets).ToArray();
        var sortedKeys = new long[unsortedKeys.Length];
        var sortedSlots = new int[unsortedKeys.Length];
        for (int i = 0; i < unsortedKeys.Length; i++)
        {
            int at = next[Bucket(unsortedKeys[i])]++;
            (sortedKeys[at], sortedSlots[at]) = (unsortedKeys[i], unsortedSlots[i]);
        }

        bool unique = true;
        for (int b = 0; b < buckets; b++)
        {
            int length = starts[b + 1] - starts[b];
            Array.Sort(sortedKeys, sortedSlots, starts[b], length);
            for (int i = starts[b] + 1; i < starts[b + 1]; i++) unique &= sortedKeys[i] != sortedKeys[i - 1];
        }

        (keys, slots, bucketStarts) = (sortedKeys, sortedSlots, starts);
        return unique;
    }

    private int Bucket(long key) => shift == 64 ? 0 : (int)((ulong)key >> shift);
}
