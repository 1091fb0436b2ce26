using System.Globalization;
using IcpExperiments.Core.Outcomes;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IcpExperiments.Storage.Sqlite;

/// <summary>
/// Inserts outcomes with native multi-row prepared statements bound by position (<see cref="SqliteMultiRowInsert{TRow}"/>).
/// Each row is inserted only if its account is enrolled no later than the outcome (a join on the enrolments key, so no
/// separate lookup) and its event id is new (ON CONFLICT DO NOTHING). Values are written exactly as EF writes them: enum
/// names, UTC ticks, decimals as Microsoft.Data.Sqlite formats them.
/// </summary>
internal sealed class SqliteOutcomeInsert(SqliteConnection connection) : SqliteMultiRowInsert<(OutcomeEvent Outcome, string Fingerprint)>(connection)
{
    private const int ParametersPerRow = 8;
    private const string DecimalFormat = "0.0###########################"; // Microsoft.Data.Sqlite's decimal text

    /// <summary>
    /// The statement for <paramref name="rows"/> rows. A join's ON would be read as the upsert's, hence the WHERE
    /// (SQLite's documented workaround).
    /// </summary>
    protected override string Sql(int rows)
    {
        var values = ValueRows(rows, ParametersPerRow, FirstRowParameter);
        return "INSERT INTO outcomes (team_id, experiment_id, event_id, account_id, kind, occurred_at, acv_currency, acv_amount, cycle_days, fingerprint, recorded_at) " +
               "SELECT ?1, ?2, v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, ?3 " +
               $"FROM (VALUES {values}) AS v " +
               "JOIN enrolments AS e ON e.team_id = ?1 AND e.experiment_id = ?2 AND e.account_id = v.column2 AND e.enrolled_at <= v.column4 " +
               "WHERE true ON CONFLICT (team_id, experiment_id, event_id) DO NOTHING";
    }

    /// <summary>
    /// Inserts the rows in order; false as soon as a statement stored fewer rows than it was given (an event id already
    /// stored, or an account not enrolled by then). The caller then rolls back and decides with a full lookup.
    /// </summary>
    public bool TryInsertAll(IReadOnlyList<(OutcomeEvent Outcome, string Fingerprint)> rows, string team, string experimentId, DateTimeOffset recordedAt) =>
        InsertInOrder(rows, team, experimentId, recordedAt);

    /// <summary>The ACV amount a read of the stored text gives back (the text drops trailing zeros, so 1.50 reads as 1.5).</summary>
    public static decimal AsStored(decimal amount)
    {
        Span<char> text = stackalloc char[64];
        amount.TryFormat(text, out int written, DecimalFormat, CultureInfo.InvariantCulture);
        return decimal.Parse(text[..written], NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
    }

    protected override void Bind(sqlite3_stmt statement, int row, (OutcomeEvent Outcome, string Fingerprint) item)
    {
        var (outcome, fingerprint) = item;
        int at = FirstRowParameter + row * ParametersPerRow;
        BindText(statement, at, outcome.EventId);
        BindText(statement, at + 1, outcome.AccountId);
        BindText(statement, at + 2, KindName(outcome.Kind));
        BindInt64(statement, at + 3, outcome.OccurredAt.UtcTicks);
        if (outcome.Acv is { } acv)
        {
            Span<char> amount = stackalloc char[64];
            acv.Amount.TryFormat(amount, out int written, DecimalFormat, CultureInfo.InvariantCulture);
            BindText(statement, at + 4, acv.CurrencyCode);
            BindText(statement, at + 5, amount[..written]);
        }
        else
        {
            BindText(statement, at + 4, (string?)null);
            BindText(statement, at + 5, (string?)null);
        }

        BindDouble(statement, at + 6, outcome.CycleDays);
        BindText(statement, at + 7, fingerprint);
    }

    // The names EF stores for the enum, without formatting one per row.
    private static string KindName(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Converted => nameof(OutcomeKind.Converted),
        OutcomeKind.Lost => nameof(OutcomeKind.Lost),
        _ => kind.ToString(),
    };
}
