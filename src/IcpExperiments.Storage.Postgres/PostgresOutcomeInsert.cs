using IcpExperiments.Core.Outcomes;
using Npgsql;
using NpgsqlTypes;

namespace IcpExperiments.Storage.Postgres;

/// <summary>
/// Planned outcomes into <c>outcomes</c> with one <c>INSERT … SELECT … FROM unnest(arrays)</c> that checks both insert-time
/// conditions on the server: the account's enrolment (no later than the outcome) by an index probe in the statement,
/// the event id's novelty by the primary key. Before, two batch lookups made those checks and a binary COPY followed;
/// the lookups took more server time than the COPY, and this statement takes about half of the three (README figures).
/// Values are written exactly as EF writes them (enum names, UTC ticks, exact decimals).
/// </summary>
internal static class PostgresOutcomeInsert
{
    private const string Sql =
        "INSERT INTO outcomes (team_id, experiment_id, event_id, account_id, kind, occurred_at, acv_currency, acv_amount, cycle_days, fingerprint, recorded_at) " +
        "SELECT @team, @experiment, u.event_id, u.account_id, u.kind, u.occurred_at, u.acv_currency, u.acv_amount, u.cycle_days, u.fingerprint, @recorded_at " +
        "FROM unnest(@event_ids, @account_ids, @kinds, @occurred_at, @acv_currencies, @acv_amounts, @cycle_days, @fingerprints) " +
        "AS u(event_id, account_id, kind, occurred_at, acv_currency, acv_amount, cycle_days, fingerprint) " +
        "WHERE EXISTS (SELECT 1 FROM enrolments e WHERE e.team_id = @team AND e.experiment_id = @experiment " +
        "AND e.account_id = u.account_id AND e.enrolled_at <= u.occurred_at)";

    /// <summary>
    /// True when every row was inserted; false when some account was not enrolled by then, or (the statement then fails
    /// and leaves the transaction to roll back to its savepoint) some event id was stored already.
    /// </summary>
    public static async Task<bool> TryInsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<(OutcomeEvent Outcome, string Fingerprint)> rows,
        string team, string experimentId, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("team", NpgsqlDbType.Text) { TypedValue = team });
        command.Parameters.Add(new NpgsqlParameter<string>("experiment", NpgsqlDbType.Text) { TypedValue = experimentId });
        command.Parameters.Add(new NpgsqlParameter<long>("recorded_at", NpgsqlDbType.Bigint) { TypedValue = recordedAt.UtcTicks });
        command.Parameters.Add(Array("event_ids", NpgsqlDbType.Text, rows, r => r.Outcome.EventId));
        command.Parameters.Add(Array("account_ids", NpgsqlDbType.Text, rows, r => r.Outcome.AccountId));
        command.Parameters.Add(Array("kinds", NpgsqlDbType.Text, rows, r => KindName(r.Outcome.Kind)));
        command.Parameters.Add(Array("occurred_at", NpgsqlDbType.Bigint, rows, r => r.Outcome.OccurredAt.UtcTicks));
        command.Parameters.Add(Array("acv_currencies", NpgsqlDbType.Text, rows, r => r.Outcome.Acv?.CurrencyCode));
        command.Parameters.Add(Array("acv_amounts", NpgsqlDbType.Numeric, rows, r => r.Outcome.Acv?.Amount));
        command.Parameters.Add(Array("cycle_days", NpgsqlDbType.Double, rows, r => r.Outcome.CycleDays));
        command.Parameters.Add(Array("fingerprints", NpgsqlDbType.Text, rows, r => r.Fingerprint));
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken) == rows.Count;
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    private static NpgsqlParameter<T[]> Array<T>(
        string name, NpgsqlDbType elementType, IReadOnlyList<(OutcomeEvent Outcome, string Fingerprint)> rows, Func<(OutcomeEvent Outcome, string Fingerprint), T> value)
    {
        var values = new T[rows.Count];
        for (int i = 0; i < values.Length; i++) values[i] = value(rows[i]);
        return new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | elementType) { TypedValue = values };
    }

    // The names EF stores for the enum, without formatting one per row.
    private static string KindName(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Converted => nameof(OutcomeKind.Converted),
        OutcomeKind.Lost => nameof(OutcomeKind.Lost),
        _ => kind.ToString(),
    };
}
