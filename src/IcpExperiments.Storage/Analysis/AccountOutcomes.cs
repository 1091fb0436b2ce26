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

    /// <summary>The ACV amount as last accepted by <see cref="Add"/>, whatever the kind (the read model stores the fold as is).</summary>
    public readonly decimal? Acv => acv;

    /// <summary>The currency as last accepted by <see cref="Add"/>, whatever the kind.</summary>
    public readonly string? Currency => acvCurrency;

    /// <summary>
    /// Adds an outcome row of <see cref="SnapshotQueries"/>' layout: row code (1, <see cref="SnapshotQueries.OutcomeCode"/>),
    /// occurred_at ticks (2), acv_currency (3), acv_amount (4), cycle_days (5). Only a win's currency and amount are read.
    /// </summary>
    public void AddRow<TRows>(TRows reader, long code)
        where TRows : IScanRows
    {
        var eventKind = SnapshotQueries.OutcomeKindOf(code);
        long ticks = reader.GetInt64(SnapshotQueries.At);
        double? eventCycleDays = reader.IsNull(SnapshotQueries.CycleDays) ? null : reader.GetDouble(SnapshotQueries.CycleDays);
        if (eventKind != OutcomeKind.Converted)
        {
            Add(eventKind, ticks, null, null, eventCycleDays);
            return;
        }

        Add(
            eventKind,
            ticks,
            reader.IsNull(SnapshotQueries.AcvAmount) ? null : reader.GetDecimal(SnapshotQueries.AcvAmount),
            reader.IsNull(SnapshotQueries.AcvCurrency) ? null : reader.GetString(SnapshotQueries.AcvCurrency),
            eventCycleDays);
    }

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
