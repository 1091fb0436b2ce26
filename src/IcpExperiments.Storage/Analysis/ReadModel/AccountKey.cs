namespace IcpExperiments.Storage.Analysis.ReadModel;

/// <summary>
/// A 64-bit key for an account id, so the read model links outcomes to enrolments without keeping a string per
/// account. Keyed by a per-process random seed (ids are client-chosen, so collisions cannot be arranged in advance);
/// a collision is still detected by <see cref="AccountSlots"/> and sends the experiment back to the plain scan.
/// FNV-1a over the UTF-8 bytes, then the MurmurHash3 finalizer to spread nearby ids.
/// </summary>
internal static class AccountKey
{
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64() | 1;

    public static long Of(ReadOnlySpan<byte> utf8)
    {
        ulong hash = 14695981039346656037UL ^ Seed;
        foreach (byte b in utf8) hash = (hash ^ b) * 1099511628211UL;
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return (long)hash;
    }

    /// <summary>The key of an account id as SQLite stores it (UTF-8); no allocation for ids of usual length (the write feed's path).</summary>
    public static long Of(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        int most = System.Text.Encoding.UTF8.GetMaxByteCount(accountId.Length);
        Span<byte> utf8 = most <= 512 ? stackalloc byte[512] : new byte[most];
        return Of(utf8[..System.Text.Encoding.UTF8.GetBytes(accountId, utf8)]);
    }
}
