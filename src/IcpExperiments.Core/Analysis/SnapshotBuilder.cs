using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Core.Analysis;

/// <summary>
/// Accumulates one experiment's accounts and spend (in any order) into an <see cref="ExperimentSnapshot"/> as of one
/// instant, applying <see cref="ObservationRules"/> on the way in. Amounts must share one currency per kind (spend,
/// ACV): mixing currencies would make CAC and revenue meaningless, so it is rejected.
/// </summary>
public sealed class SnapshotBuilder
{
    private readonly ExperimentDesign design;
    private readonly DateTimeOffset asOf;
    private readonly Dictionary<string, ArmColumns> arms = new(StringComparer.Ordinal);
    private readonly ArmColumns[] armsInDesignOrder;
    private string? spendCurrency;
    private string? acvCurrency;

    public SnapshotBuilder(ExperimentDesign design, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(design);
        this.design = design;
        this.asOf = asOf;
        armsInDesignOrder = [.. design.Arms.Select(arm => arms[arm.Key] = new ArmColumns())];
    }

    /// <summary>Adds campaign spend to an arm.</summary>
    public SnapshotBuilder AddSpend(string armKey, Money spend)
    {
        spendCurrency = SameCurrency(spendCurrency, spend.CurrencyCode, "spend");
        Arm(armKey).Spend += spend.Amount;
        return this;
    }

    /// <summary>Adds one enrolled account; returns false when it does not count (enrolled after as-of).</summary>
    public bool AddAccount(string armKey, in AccountObservation account, string? acvCurrencyCode = null) =>
        Add(Arm(armKey), account, acvCurrencyCode);

    /// <summary>
    /// Adds one enrolled account to the arm at <paramref name="armIndex"/> in the design's order (control 0): a scan that
    /// resolved arms once need not look keys up per account. Returns false when it does not count.
    /// </summary>
    public bool AddAccount(int armIndex, in AccountObservation account, string? acvCurrencyCode = null)
    {
        if ((uint)armIndex >= (uint)armsInDesignOrder.Length)
            throw new ArgumentOutOfRangeException(nameof(armIndex), armIndex, $"The design has {armsInDesignOrder.Length} arms.");
        return Add(armsInDesignOrder[armIndex], account, acvCurrencyCode);
    }

    /// <summary>
    /// Reserves room for <paramref name="accounts"/> more accounts in the arm at <paramref name="armIndex"/>: a reader that
    /// knows its counts saves the columns' regrowth, and when the guess is exact <see cref="Build"/> copies nothing.
    /// </summary>
    public void EnsureCapacity(int armIndex, int accounts)
    {
        if ((uint)armIndex >= (uint)armsInDesignOrder.Length)
            throw new ArgumentOutOfRangeException(nameof(armIndex), armIndex, $"The design has {armsInDesignOrder.Length} arms.");
        armsInDesignOrder[armIndex].EnsureCapacity(armsInDesignOrder[armIndex].Count + accounts);
    }

    private bool Add(ArmColumns columns, in AccountObservation account, string? acvCurrencyCode)
    {
        if (ObservationRules.Classify(account, asOf, design.ObservationWindowDays) is not { } seen) return false;
        double acv = double.NaN;
        if (seen.Status == AccountStatus.Converted && account.Acv is { } amount)
        {
            if (acvCurrencyCode is not null) acvCurrency = SameCurrency(acvCurrency, acvCurrencyCode, "acv");
            acv = (double)amount;
        }

        columns.Add(account.EnrolledAt, seen.Status, seen.Days, acv, account.Covariate is { } c && double.IsFinite(c) ? c : double.NaN);
        return true;
    }

    public ExperimentSnapshot Build()
    {
        var built = new List<ArmSnapshot>();
        foreach (var arm in design.Arms)
        {
            var c = arms[arm.Key];
            built.Add(new ArmSnapshot(
                arm.Key, arm.Allocation, c.Spend, Exact(c.EnrolledAt, c.Count), Exact(c.Status, c.Count), Exact(c.Days, c.Count), Exact(c.Acv, c.Count), Exact(c.Covariate, c.Count)));
        }

        return new ExperimentSnapshot(design, asOf, spendCurrency, acvCurrency, built);
    }

    private ArmColumns Arm(string armKey) =>
        arms.TryGetValue(armKey, out var columns)
            ? columns
            : throw new ValidationFailedException("arm_key", $"'{armKey}' is not an arm of this experiment.");

    private static string SameCurrency(string? current, string code, string field) =>
        current is null || current == code
            ? code
            : throw new ValidationFailedException(field, $"All amounts must be in {current}; got {code}.");

    /// <summary>The column itself when it is exactly full (the builder hands it over), else its first <paramref name="count"/> items.</summary>
    private static T[] Exact<T>(T[] column, int count) => column.Length == count ? column : column.AsSpan(0, count).ToArray();

    /// <summary>One arm's columns: arrays grown by doubling (or sized by <see cref="EnsureCapacity"/>), filled in step.</summary>
    private sealed class ArmColumns
    {
        public decimal Spend { get; set; }

        public int Count { get; private set; }

        public DateTimeOffset[] EnrolledAt { get; private set; } = [];

        public AccountStatus[] Status { get; private set; } = [];

        public double[] Days { get; private set; } = [];

        public double[] Acv { get; private set; } = [];

        public double[] Covariate { get; private set; } = [];

        public void Add(DateTimeOffset enrolledAt, AccountStatus status, double days, double acv, double covariate)
        {
            if (Count == Status.Length) EnsureCapacity(Math.Max(16, Count * 2));
            EnrolledAt[Count] = enrolledAt;
            Status[Count] = status;
            Days[Count] = days;
            Acv[Count] = acv;
            Covariate[Count] = covariate;
            Count++;
        }

        public void EnsureCapacity(int capacity)
        {
            if (capacity <= Status.Length) return;
            EnrolledAt = Resized(EnrolledAt, capacity);
            Status = Resized(Status, capacity);
            Days = Resized(Days, capacity);
            Acv = Resized(Acv, capacity);
            Covariate = Resized(Covariate, capacity);
        }

        private T[] Resized<T>(T[] column, int capacity)
        {
            var grown = GC.AllocateUninitializedArray<T>(capacity);
            column.AsSpan(0, Count).CopyTo(grown);
            return grown;
        }
    }
}
