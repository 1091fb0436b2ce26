using System.Data.Common;
using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Outcomes;

namespace IcpExperiments.Storage.Analysis;

/// <summary>
/// Folds the outcome events of one account (already limited to those at or before as-of) into the one outcome the
/// analysis sees. A CRM can report a deal lost and later won again (lost deals are revived), or send a correction, so:
/// the earliest conversion wins over any loss (at equal instants, the larger ACV, so the result does not depend on
/// row order); with no conversion the latest loss counts; with no event the deal is open.
/// </summary>
internal struct AccountOutcomes
{
    private OutcomeKind? kind;
    private long occurredAtTicks;
    private decimal? acv;
    private string? acvCurrency;
    private double? cycleDays;

    public readonly string? AcvCurrency => kind == OutcomeKind.Converted ? acvCurrency : null;

    /// <summary>
    /// Adds the outcome row the scans read: columns kind (2), occurred_at ticks (3), acv_currency (4), acv_amount (5),
    /// cycle_days (6), the layout <see cref="AccountScan"/> and <see cref="SegmentScan"/> share.
    /// </summary>
    public void AddRow(DbDataReader reader) =>
        Add(
            Enum.Parse<OutcomeKind>(reader.GetString(2)),
            reader.GetInt64(3),
            reader.IsDBNull(5) ? null : reader.GetDecimal(5),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(6) ? null : reader.GetDouble(6));

    public void Add(OutcomeKind eventKind, long eventTicks, decimal? eventAcv, string? eventCurrency, double? eventCycleDays)
    {
        if (!Supersedes(eventKind, eventTicks, eventAcv)) return;
        kind = eventKind;
        occurredAtTicks = eventTicks;
        acv = eventAcv;
        acvCurrency = eventCurrency;
        cycleDays = eventCycleDays;
    }

    /// <summary>The account as the snapshot builder takes it.</summary>
    public readonly AccountObservation ToObservation(DateTimeOffset enrolledAt) =>
        kind is { } outcome
            ? new AccountObservation(enrolledAt, outcome, new DateTimeOffset(occurredAtTicks, TimeSpan.Zero), outcome == OutcomeKind.Converted ? acv : null, cycleDays)
            : new AccountObservation(enrolledAt);

    private readonly bool Supersedes(OutcomeKind eventKind, long eventTicks, decimal? eventAcv)
    {
        if (kind is null) return true;
        if (eventKind == OutcomeKind.Converted)
        {
            if (kind != OutcomeKind.Converted) return true;
            return eventTicks < occurredAtTicks || (eventTicks == occurredAtTicks && (eventAcv ?? decimal.MinValue) > (acv ?? decimal.MinValue));
        }

        return kind == OutcomeKind.Lost && eventTicks > occurredAtTicks;
    }
}
