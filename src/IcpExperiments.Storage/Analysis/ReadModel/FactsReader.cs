using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Teams;
using Microsoft.Data.Sqlite;

namespace IcpExperiments.Storage.Analysis.ReadModel;

/// <summary>
/// Reads an experiment's rows into <see cref="ExperimentFacts"/> on SQLite, inside the caller's read transaction: all of
/// them (a first load, through the tables' keys, no sort), or only those recorded after the facts' watermarks (a
/// catch-up). The tables are WITHOUT ROWID and have no index on recorded_at, so a catch-up still steps over the
/// experiment's rows, but decodes only the new ones. Recorded-at stamps are taken before a writer enters the write
/// gate, so a late commit can carry an older stamp than rows already read: the row counts, read in the same
/// transaction, prove a catch-up complete, otherwise the caller loads everything again. Rows are never deleted or
/// changed (no DELETE or UPDATE on enrolments and outcomes), so equal counts mean the same rows.
/// </summary>
internal static class FactsReader
{
    private const int RecordedAt = 6;

    /// <summary>Loads every row; false when the experiment cannot be modelled (see <see cref="ExperimentFacts"/>).</summary>
    public static async Task<bool> LoadAllAsync(SqliteConnection connection, TeamId team, string experimentId, ExperimentFacts facts, CancellationToken cancellationToken)
    {
        if (!await ReadEnrolmentsAsync(connection, team, experimentId, facts, null, cancellationToken) || !facts.IndexAccounts()) return false;
        return await ReadOutcomesAsync(connection, team, experimentId, facts, null, cancellationToken);
    }

    /// <summary>Adds the rows recorded after the watermarks; false when they do not account for every row (load all again).</summary>
    public static async Task<bool> CatchUpAsync(SqliteConnection connection, TeamId team, string experimentId, ExperimentFacts facts, CancellationToken cancellationToken)
    {
        long enrolments = await CountAsync(connection, "enrolments", team, experimentId, cancellationToken);
        if (enrolments != facts.EnrolmentCount
            && !await ReadEnrolmentsAsync(connection, team, experimentId, facts, facts.EnrolmentsRecordedUpTo, cancellationToken)) return false;
        long outcomes = await CountAsync(connection, "outcomes", team, experimentId, cancellationToken);
        if (outcomes != facts.EventCount
            && !await ReadOutcomesAsync(connection, team, experimentId, facts, facts.OutcomesRecordedUpTo, cancellationToken)) return false;
        return enrolments == facts.EnrolmentCount && outcomes == facts.EventCount;
    }

    private static async Task<bool> ReadEnrolmentsAsync(SqliteConnection connection, TeamId team, string experimentId, ExperimentFacts facts, long? after, CancellationToken cancellationToken)
    {
        string sql = $"SELECT account_id, {SnapshotQueries.ArmIndexSql(facts.ArmKeys.Count)}, enrolled_at, NULL, NULL, NULL, recorded_at FROM enrolments "
            + "WHERE team_id = @team AND experiment_id = @experiment" + (after is null ? "" : " AND recorded_at > @after") + " ORDER BY account_id";
        var parameters = Parameters(team, experimentId, after);
        for (int i = 0; i < facts.ArmKeys.Count; i++) parameters[$"@arm{i}"] = facts.ArmKeys[i];
        using var rows = SqliteScanRows.Open(connection, sql, parameters);
        while (await rows.ReadAsync(cancellationToken))
        {
            long arm = rows.GetInt64(SnapshotQueries.Code);
            var key = AccountKey.Of(rows.GetUtf8(SnapshotQueries.AccountId));
            if (!facts.AddEnrolment(key, arm < 0 ? (sbyte)-1 : checked((sbyte)arm), rows.GetInt64(SnapshotQueries.At), rows.GetInt64(RecordedAt))) return false;
        }

        return true;
    }

    private static async Task<bool> ReadOutcomesAsync(SqliteConnection connection, TeamId team, string experimentId, ExperimentFacts facts, long? after, CancellationToken cancellationToken)
    {
        string sql = $"SELECT account_id, {SnapshotQueries.OutcomeCodeSql}, occurred_at, acv_currency, acv_amount, cycle_days, recorded_at FROM outcomes "
            + "WHERE team_id = @team AND experiment_id = @experiment" + (after is null ? "" : " AND recorded_at > @after");
        using var rows = SqliteScanRows.Open(connection, sql, Parameters(team, experimentId, after));
        while (await rows.ReadAsync(cancellationToken))
        {
            var kind = SnapshotQueries.OutcomeKindOf(rows.GetInt64(SnapshotQueries.Code));
            bool won = kind == OutcomeKind.Converted;
            decimal? acv = won && !rows.IsNull(SnapshotQueries.AcvAmount) ? rows.GetDecimal(SnapshotQueries.AcvAmount) : null;
            int currency = won && !rows.IsNull(SnapshotQueries.AcvCurrency) ? facts.CurrencyIndex(rows.GetUtf8(SnapshotQueries.AcvCurrency)) : 0;
            double? cycleDays = rows.IsNull(SnapshotQueries.CycleDays) ? null : rows.GetDouble(SnapshotQueries.CycleDays);
            var key = AccountKey.Of(rows.GetUtf8(SnapshotQueries.AccountId));
            if (!facts.AddOutcome(key, kind, rows.GetInt64(SnapshotQueries.At), acv, currency, cycleDays, rows.GetInt64(RecordedAt))) return false;
        }

        return true;
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string table, TeamId team, string experimentId, CancellationToken cancellationToken)
    {
        using var rows = SqliteScanRows.Open(connection, $"SELECT count(*) FROM {table} WHERE team_id = @team AND experiment_id = @experiment", Parameters(team, experimentId, null));
        return await rows.ReadAsync(cancellationToken) ? rows.GetInt64(0) : 0;
    }

    private static Dictionary<string, object> Parameters(TeamId team, string experimentId, long? after)
    {
        var parameters = new Dictionary<string, object> { ["@team"] = team.Value, ["@experiment"] = experimentId };
        if (after is { } ticks) parameters["@after"] = ticks;
        return parameters;
    }
}
