using System.Globalization;
using System.Text;
using IcpExperiments.Core.Outcomes;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IcpExperiments.Storage.Sqlite;

/// <summary>
/// Inserts outcomes with native prepared statements of <see cref="ChunkRows"/> rows each (one for the remainder), bound by
/// position: Microsoft.Data.Sqlite looks every parameter up by name on every execution, which costs more than the
/// insert itself at this rate. Each row is inserted only if its account is enrolled no later than the outcome (a join
/// on the enrolments key, so no separate lookup) and its event id is new (ON CONFLICT DO NOTHING). Values are
/// written exactly as EF writes them: enum names, UTC ticks, decimals as Microsoft.Data.Sqlite formats them.
/// </summary>
internal sealed class SqliteOutcomeInsert : IDisposable
{
    /// <summary>Rows per multi-row statement: past ~32 the per-statement saving is spent and statements grow large.</summary>
    public const int ChunkRows = 32;

    private const int FirstRowParameter = 4; // ?1 team, ?2 experiment, ?3 recorded_at
    private const int ParametersPerRow = 8;
    private const string DecimalFormat = "0.0###########################"; // Microsoft.Data.Sqlite's decimal text

    private readonly sqlite3 database;
    private sqlite3_stmt? chunk;
    private sqlite3_stmt? single;

    /// <summary>Statements on <paramref name="connection"/>, prepared when first needed and kept until disposed.</summary>
    public SqliteOutcomeInsert(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
    }

    /// <summary>
    /// The statement for <paramref name="rows"/> rows. A join's ON would be read as the upsert's, hence the WHERE
    /// (SQLite's documented workaround).
    /// </summary>
    public static string Sql(int rows)
    {
        var values = new StringBuilder();
        for (int row = 0; row < rows; row++)
        {
            values.Append(row == 0 ? "(" : ", (");
            for (int column = 0; column < ParametersPerRow; column++)
                values.Append(column == 0 ? "?" : ", ?").Append(FirstRowParameter + row * ParametersPerRow + column);
            values.Append(')');
        }

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
    public bool TryInsertAll(IReadOnlyList<(OutcomeEvent Outcome, string Fingerprint)> rows, string team, string experimentId, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int next = 0;
        // Statements are prepared when first needed: a process that only records unary writes never prepares the multi-row one.
        if (rows.Count >= ChunkRows) BindShared(chunk ??= Prepare(Sql(ChunkRows)), team, experimentId, recordedAt);
        if (rows.Count % ChunkRows != 0) BindShared(single ??= Prepare(Sql(1)), team, experimentId, recordedAt);
        for (; next + ChunkRows <= rows.Count; next += ChunkRows)
        {
            for (int row = 0; row < ChunkRows; row++) Bind(chunk!, row, rows[next + row]);
            if (Execute(chunk!) != ChunkRows) return false;
        }

        for (; next < rows.Count; next++)
        {
            Bind(single!, 0, rows[next]);
            if (Execute(single!) != 1) return false;
        }

        return true;
    }

    public void Dispose()
    {
        chunk?.Dispose();
        single?.Dispose();
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(database, sql, out var statement));
        return statement;
    }

    private void BindShared(sqlite3_stmt statement, string team, string experimentId, DateTimeOffset recordedAt)
    {
        Check(raw.sqlite3_bind_text16(statement, 1, team.AsSpan()));
        Check(raw.sqlite3_bind_text16(statement, 2, experimentId.AsSpan()));
        Check(raw.sqlite3_bind_int64(statement, 3, recordedAt.UtcTicks));
    }

    private void Bind(sqlite3_stmt statement, int row, (OutcomeEvent Outcome, string Fingerprint) item)
    {
        var (outcome, fingerprint) = item;
        int at = FirstRowParameter + row * ParametersPerRow;
        Check(raw.sqlite3_bind_text16(statement, at, outcome.EventId.AsSpan()));
        Check(raw.sqlite3_bind_text16(statement, at + 1, outcome.AccountId.AsSpan()));
        Check(raw.sqlite3_bind_text16(statement, at + 2, KindName(outcome.Kind).AsSpan()));
        Check(raw.sqlite3_bind_int64(statement, at + 3, outcome.OccurredAt.UtcTicks));
        if (outcome.Acv is { } acv)
        {
            Span<char> amount = stackalloc char[64];
            acv.Amount.TryFormat(amount, out int written, DecimalFormat, CultureInfo.InvariantCulture);
            Check(raw.sqlite3_bind_text16(statement, at + 4, acv.CurrencyCode.AsSpan()));
            Check(raw.sqlite3_bind_text16(statement, at + 5, amount[..written]));
        }
        else
        {
            Check(raw.sqlite3_bind_null(statement, at + 4));
            Check(raw.sqlite3_bind_null(statement, at + 5));
        }

        Check(outcome.CycleDays is { } days ? raw.sqlite3_bind_double(statement, at + 6, days) : raw.sqlite3_bind_null(statement, at + 6));
        Check(raw.sqlite3_bind_text16(statement, at + 7, fingerprint.AsSpan()));
    }

    /// <summary>Runs the statement once and returns how many rows it stored.</summary>
    private int Execute(sqlite3_stmt statement)
    {
        try
        {
            int result = raw.sqlite3_step(statement);
            if (result != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(result, database);
            return raw.sqlite3_changes(database);
        }
        finally
        {
            // Statements outlive transactions: always reset, so a failed step leaves none half-run.
            raw.sqlite3_reset(statement);
        }
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(result, database);
    }

    // The names EF stores for the enum, without formatting one per row.
    private static string KindName(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Converted => nameof(OutcomeKind.Converted),
        OutcomeKind.Lost => nameof(OutcomeKind.Lost),
        _ => kind.ToString(),
    };
}
