namespace IcpExperiments.Storage.Analysis.ReadModel;

/// <summary>
/// The rows all experiments' <see cref="PendingDeltas"/> may hold together: each list is capped on its own, but many
/// experiments written and never analysed would each keep up to their cap. A list that cannot reserve room drops
/// what it holds (a gap: its next reader catches up by SQL), so pending deltas never outgrow this share of memory.
/// </summary>
internal sealed class PendingRowBudget(long maxRows)
{
    /// <summary>Bytes a pending row takes, about (see <see cref="ReadModelDelta"/>), to turn a memory share into rows.</summary>
    public const int BytesPerRow = 40;

    private long reserved;

    /// <summary>No limit beyond each list's own cap (tests of a single list).</summary>
    public static PendingRowBudget Unlimited => new(long.MaxValue);

    public long MaxRows { get; } = maxRows;

    public long Reserved => Interlocked.Read(ref reserved);

    /// <summary>A quarter of the read model's memory budget, in rows: pending deltas are short-lived (applied at the next read).</summary>
    public static PendingRowBudget ForReadModel(long budgetBytes) => new(Math.Max(0, budgetBytes / 4 / BytesPerRow));

    /// <summary>Takes room for <paramref name="rows"/> rows; false (nothing taken) when that would pass the budget.</summary>
    public bool TryReserve(int rows)
    {
        if (Interlocked.Add(ref reserved, rows) <= MaxRows) return true;
        Interlocked.Add(ref reserved, -rows);
        return false;
    }

    public void Release(int rows) => Interlocked.Add(ref reserved, -rows);
}
