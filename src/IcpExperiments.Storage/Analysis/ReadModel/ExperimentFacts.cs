using System.Text;
using IcpExperiments.Core.Outcomes;

namespace IcpExperiments.Storage.Analysis.ReadModel;

/// <summary>
/// One experiment's accounts in columns, each with the running fold of all its outcome events (the fold of
/// <see cref="AccountOutcomes"/> does not depend on the order events arrive in, so it can be applied incrementally):
/// per account (its slot) the arm's index in the design, the enrolment instant and the folded outcome's kind, instant,
/// ACV (currency as an index into a tiny table) and CRM cycle days (NaN when not given). About 55 bytes per account,
/// whatever the number of events; no string per account. The fold holds the outcome as of any instant at or after
/// <see cref="LatestOccurredAt"/> (every event folded happened by then); earlier instants need the scan.
/// <see cref="DataVersion"/> is the data version reflected and the recorded-at watermarks say where a catch-up starts.
/// Not thread-safe: <see cref="AnalysisReadModels"/> lets one caller at a time use it.
/// </summary>
internal sealed class ExperimentFacts(IReadOnlyList<string> armKeys)
{
    /// <summary>Bit of <see cref="Kinds"/> set when the folded outcome carries an ACV amount; the low bits are 1 + the kind, 0 for open.</summary>
    public const byte HasAcv = 0x80;

    private readonly AccountSlots slots = new();
    private readonly List<(byte[] Utf8, string Code)> currencies = [];
    private FactColumn<long>? firstLoadKeys = new();

    public IReadOnlyList<string> ArmKeys { get; } = armKeys;

    public long DataVersion { get; set; } = -1;

    public long EnrolmentsRecordedUpTo { get; private set; } = long.MinValue;

    public long OutcomesRecordedUpTo { get; private set; } = long.MinValue;

    /// <summary>The latest instant of any event folded (ticks); the folds are exact for as-of at or after it.</summary>
    public long LatestOccurredAt { get; private set; } = long.MinValue;

    /// <summary>Outcome events folded so far (compared with the table's count to prove a catch-up complete).</summary>
    public long EventCount { get; private set; }

    public FactColumn<long> EnrolledAt { get; } = new();

    public FactColumn<sbyte> Arms { get; } = new();

    public FactColumn<byte> Kinds { get; } = new();

    public FactColumn<long> OccurredAt { get; } = new();

    public FactColumn<decimal> Acv { get; } = new();

    public FactColumn<byte> Currencies { get; } = new();

    public FactColumn<double> CycleDays { get; } = new();

    public int EnrolmentCount => EnrolledAt.Count;

    public long Bytes =>
        EnrolledAt.Bytes + Arms.Bytes + slots.Bytes + (firstLoadKeys?.Bytes ?? 0)
        + Kinds.Bytes + OccurredAt.Bytes + Acv.Bytes + Currencies.Bytes + CycleDays.Bytes;

    /// <summary>Adds an enrolment (its deal open); false when its account's key is already taken (the caller falls back to the scan).</summary>
    public bool AddEnrolment(long accountKey, sbyte arm, long enrolledAtTicks, long recordedAtTicks)
    {
        if (firstLoadKeys is { } pending) pending.Add(accountKey);
        else if (!slots.TryAdd(accountKey, EnrolledAt.Count)) return false;
        EnrolledAt.Add(enrolledAtTicks);
        Arms.Add(arm);
        Kinds.Add(0);
        OccurredAt.Add(0);
        Acv.Add(0m);
        Currencies.Add(0);
        CycleDays.Add(double.NaN);
        EnrolmentsRecordedUpTo = Math.Max(EnrolmentsRecordedUpTo, recordedAtTicks);
        return true;
    }

    /// <summary>Ends the first load's enrolments: indexes their accounts; false when two share a key.</summary>
    public bool IndexAccounts()
    {
        if (firstLoadKeys is not { } pending) return true;
        firstLoadKeys = null;
        return slots.TryIndex(pending.Items);
    }

    /// <summary>
    /// Folds an outcome event into its account (by <see cref="AccountOutcomes.Add"/>); false when the account is not
    /// enrolled here or the currency table is full (the caller falls back to the scan).
    /// </summary>
    public bool AddOutcome(long accountKey, OutcomeKind kind, long occurredAtTicks, decimal? acv, int currency, double? cycleDays, long recordedAtTicks)
    {
        int slot = slots.Find(accountKey);
        if (slot < 0 || currency < 0) return false;
        var folded = Outcomes(slot);
        folded.Add(kind, occurredAtTicks, acv, Currency(currency), cycleDays);
        Store(slot, folded);
        LatestOccurredAt = Math.Max(LatestOccurredAt, occurredAtTicks);
        OutcomesRecordedUpTo = Math.Max(OutcomesRecordedUpTo, recordedAtTicks);
        EventCount++;
        return true;
    }

    /// <summary>The account's folded outcome, as the scan would fold its events.</summary>
    public AccountOutcomes Outcomes(int slot)
    {
        var folded = default(AccountOutcomes);
        byte code = Kinds[slot];
        if (code == 0) return folded;
        double cycleDays = CycleDays[slot];
        folded.Add(
            (OutcomeKind)((code & ~HasAcv) - 1),
            OccurredAt[slot],
            (code & HasAcv) != 0 ? Acv[slot] : null,
            Currency(Currencies[slot]),
            double.IsNaN(cycleDays) ? null : cycleDays);
        return folded;
    }

    /// <summary>The table index of a currency code given as UTF-8 (added when new, 0 for none); -1 when the table is full.</summary>
    public int CurrencyIndex(ReadOnlySpan<byte> utf8)
    {
        for (int i = 0; i < currencies.Count; i++)
        {
            if (utf8.SequenceEqual(currencies[i].Utf8)) return i + 1;
        }

        if (currencies.Count == byte.MaxValue) return -1;
        currencies.Add((utf8.ToArray(), Encoding.UTF8.GetString(utf8)));
        return currencies.Count;
    }

    /// <summary>As <see cref="CurrencyIndex(ReadOnlySpan{byte})"/> for a code as stored from a string (its UTF-8).</summary>
    public int CurrencyIndex(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(Math.Min(code.Length, 64))];
        return code.Length <= 64 ? CurrencyIndex(utf8[..Encoding.UTF8.GetBytes(code, utf8)]) : CurrencyIndex(Encoding.UTF8.GetBytes(code));
    }

    private byte IndexOf(string? code)
    {
        for (int i = 0; i < currencies.Count; i++)
        {
            if (ReferenceEquals(currencies[i].Code, code)) return (byte)(i + 1);
        }

        return 0;
    }

    private string? Currency(int index) => index == 0 ? null : currencies[index - 1].Code;

    private void Store(int slot, in AccountOutcomes folded)
    {
        var seen = folded.ToObservation(default);
        decimal? acv = folded.Acv;
        Kinds[slot] = (byte)((seen.Outcome is { } outcome ? (int)outcome + 1 : 0) | (acv.HasValue ? HasAcv : 0));
        OccurredAt[slot] = seen.OccurredAt?.UtcTicks ?? 0;
        Acv[slot] = acv ?? 0m;
        Currencies[slot] = IndexOf(folded.Currency);
        CycleDays[slot] = seen.CycleDays ?? double.NaN;
    }
}
