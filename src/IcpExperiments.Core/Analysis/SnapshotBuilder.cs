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

    private bool Add(ArmColumns columns, in AccountObservation account, string? acvCurrencyCode)
    {
        if (ObservationRules.Classify(account, asOf, design.ObservationWindowDays) is not { } seen) return false;
        double acv = double.NaN;
        if (seen.Status == AccountStatus.Converted && account.Acv is { } amount)
        {
            if (acvCurrencyCode is not null) acvCurrency = SameCurrency(acvCurrency, acvCurrencyCode, "acv");
            acv = (double)amount;
        }

        columns.EnrolledAt.Add(account.EnrolledAt);
        columns.Status.Add(seen.Status);
        columns.Days.Add(seen.Days);
        columns.Acv.Add(acv);
        columns.Covariate.Add(account.Covariate is { } c && double.IsFinite(c) ? c : double.NaN);
        return true;
    }

    public ExperimentSnapshot Build()
    {
        var built = new List<ArmSnapshot>();
        foreach (var arm in design.Arms)
        {
            var c = arms[arm.Key];
            built.Add(new ArmSnapshot(
                arm.Key, arm.Allocation, c.Spend, [.. c.EnrolledAt], [.. c.Status], [.. c.Days], [.. c.Acv], [.. c.Covariate]));
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

    private sealed class ArmColumns
    {
        public decimal Spend { get; set; }

        public List<DateTimeOffset> EnrolledAt { get; } = [];

        public List<AccountStatus> Status { get; } = [];

        public List<double> Days { get; } = [];

        public List<double> Acv { get; } = [];

        public List<double> Covariate { get; } = [];
    }
}
