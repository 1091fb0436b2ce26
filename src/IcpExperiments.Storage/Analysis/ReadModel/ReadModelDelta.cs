using IcpExperiments.Core.Outcomes;
using IcpExperiments.Storage.Ingest;
using IcpExperiments.Storage.Sqlite;

namespace IcpExperiments.Storage.Analysis.ReadModel;

/// <summary>
/// The rows one committed ingest transaction of this process added to an experiment, and the data version it produced:
/// applied to facts at the version before, it gives exactly what <see cref="FactsReader"/> would read for that
/// transaction, so values are taken as a read of the stored row returns them (the ACV amount through its stored text,
/// cycle days through SQLite's REAL). About 40 bytes per row; no string per row but the shared arm keys and currencies.
/// </summary>
internal sealed class ReadModelDelta(long dataVersion, long recordedAtTicks, FedEnrolment[] enrolments, FedOutcome[] outcomes)
{
    public long DataVersion { get; } = dataVersion;

    public int Rows => enrolments.Length + outcomes.Length;

    public static ReadModelDelta From(IngestCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var newEnrolments = commit.Plan.NewEnrolments;
        var enrolments = new FedEnrolment[newEnrolments.Count];
        for (int i = 0; i < enrolments.Length; i++)
        {
            var enrolment = newEnrolments[i].Enrolment;
            enrolments[i] = new FedEnrolment(AccountKey.Of(enrolment.Account.AccountId), enrolment.ArmKey, enrolment.EnrolledAt.UtcTicks);
        }

        var newOutcomes = commit.Plan.NewOutcomes;
        var outcomes = new FedOutcome[newOutcomes.Count];
        for (int i = 0; i < outcomes.Length; i++)
        {
            var outcome = newOutcomes[i].Outcome;
            outcomes[i] = new FedOutcome(
                AccountKey.Of(outcome.AccountId),
                outcome.Kind,
                outcome.OccurredAt.UtcTicks,
                outcome.Acv is { } acv ? SqliteOutcomeInsert.AsStored(acv.Amount) : null,
                outcome.Acv?.CurrencyCode,
                AsStored(outcome.CycleDays));
        }

        return new ReadModelDelta(commit.DataVersion, commit.RecordedAt.UtcTicks, enrolments, outcomes);
    }

    /// <summary>
    /// Adds the rows (enrolments first, as the transaction inserted them) with <see cref="FactsReader"/>'s rules: the
    /// arm's index in the facts' design (-1 when not in it), ACV and currency for conversions only. False when the facts
    /// cannot take them (a key collision, an event without enrolment): they are then half-changed, load everything again.
    /// </summary>
    public bool ApplyTo(ExperimentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var enrolment in enrolments)
        {
            if (!facts.AddEnrolment(enrolment.AccountKey, ArmIndex(facts.ArmKeys, enrolment.ArmKey), enrolment.EnrolledAtTicks, recordedAtTicks)) return false;
        }

        foreach (var outcome in outcomes)
        {
            bool won = outcome.Kind == OutcomeKind.Converted;
            int currency = won && outcome.AcvCurrency is { } code ? facts.CurrencyIndex(code) : 0;
            var acv = won ? outcome.AcvAmount : null;
            if (!facts.AddOutcome(outcome.AccountKey, outcome.Kind, outcome.OccurredAtTicks, acv, currency, outcome.CycleDays, recordedAtTicks)) return false;
        }

        return true;
    }

    /// <summary>As <see cref="SnapshotQueries.ArmIndexSql"/>: the first design arm with the same key (ordinal), -1 for none.</summary>
    private static sbyte ArmIndex(IReadOnlyList<string> armKeys, string armKey)
    {
        for (int i = 0; i < armKeys.Count; i++)
        {
            if (string.Equals(armKeys[i], armKey, StringComparison.Ordinal)) return checked((sbyte)i);
        }

        return -1;
    }

    /// <summary>SQLite stores a NaN as NULL and a REAL equal to an integer as that integer, so -0.0 reads back as 0.0.</summary>
    private static double? AsStored(double? cycleDays) => cycleDays is { } days && !double.IsNaN(days) ? days + 0.0 : null;
}
