using IcpExperiments.Core.Outcomes;
using Microsoft.Data.Sqlite;

namespace IcpExperiments.Storage.Sqlite;

/// <summary>
/// A prepared INSERT into <c>outcomes</c> whose parameters are rebound for each row. Values are written exactly as EF
/// writes them: enum names, UTC ticks, and decimals as text (Microsoft.Data.Sqlite's invariant decimal format).
/// A row whose event id is already stored is skipped (the key check the insert does anyway replaces a lookup).
/// </summary>
internal sealed class SqliteOutcomeInsert : IAsyncDisposable
{
    public const string Sql =
        "INSERT INTO outcomes (team_id, experiment_id, event_id, account_id, kind, occurred_at, acv_currency, acv_amount, cycle_days, fingerprint, recorded_at) " +
        "VALUES ($team, $experiment, $event, $account, $kind, $occurred_at, $acv_currency, $acv_amount, $cycle_days, $fingerprint, $recorded_at) " +
        "ON CONFLICT (team_id, experiment_id, event_id) DO NOTHING";

    private readonly SqliteCommand command;
    private readonly SqliteParameter eventId, account, kind, occurredAt, acvCurrency, acvAmount, cycleDays, fingerprint;

    public SqliteOutcomeInsert(SqliteCommand command, DateTimeOffset recordedAt)
    {
        this.command = command;
        eventId = Add("$event", SqliteType.Text);
        account = Add("$account", SqliteType.Text);
        kind = Add("$kind", SqliteType.Text);
        occurredAt = Add("$occurred_at", SqliteType.Integer);
        acvCurrency = Add("$acv_currency", SqliteType.Text);
        acvAmount = Add("$acv_amount", SqliteType.Text);
        cycleDays = Add("$cycle_days", SqliteType.Real);
        fingerprint = Add("$fingerprint", SqliteType.Text);
        Add("$recorded_at", SqliteType.Integer).Value = recordedAt.UtcTicks;
        command.Prepare();
    }

    /// <summary>Inserts the row; false when its event id is already stored and nothing was written.</summary>
    public bool Execute(OutcomeEvent outcome, string contentFingerprint)
    {
        eventId.Value = outcome.EventId;
        account.Value = outcome.AccountId;
        kind.Value = outcome.Kind.ToString();
        occurredAt.Value = outcome.OccurredAt.UtcTicks;
        acvCurrency.Value = (object?)outcome.Acv?.CurrencyCode ?? DBNull.Value;
        acvAmount.Value = (object?)outcome.Acv?.Amount ?? DBNull.Value;
        cycleDays.Value = (object?)outcome.CycleDays ?? DBNull.Value;
        fingerprint.Value = contentFingerprint;
        return command.ExecuteNonQuery() == 1;
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();

    private SqliteParameter Add(string name, SqliteType type) => command.Parameters.Add(name, type);
}
