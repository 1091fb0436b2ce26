using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IcpExperiments.Storage.Analysis;

/// <summary>
/// <see cref="IScanRows"/> straight over a SQLite statement on the connection's handle (so inside its open
/// transaction): the scan's millions of column reads skip ADO.NET's per-call checks and account ids are compared as
/// UTF-8 bytes. Values convert as Microsoft.Data.Sqlite converts them (decimals parsed from their text, invariant).
/// A busy database is retried like Microsoft.Data.Sqlite's commands, up to the command timeout.
/// </summary>
internal sealed class SqliteScanRows : IScanRows, IDisposable
{
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);
    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;
    private byte[] rememberedAccount = new byte[64];
    private int rememberedLength = -1;

    private SqliteScanRows(sqlite3 database, sqlite3_stmt statement)
    {
        this.database = database;
        this.statement = statement;
    }

    /// <summary>Prepares <paramref name="sql"/> and binds <paramref name="parameters"/> (long or string values) by name.</summary>
    public static SqliteScanRows Open(SqliteConnection connection, string sql, IEnumerable<KeyValuePair<string, object>> parameters)
    {
        var database = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        int rc = raw.sqlite3_prepare_v2(database, sql, out var statement);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, database);
        var rows = new SqliteScanRows(database, statement);
        foreach (var (name, value) in parameters)
        {
            int index = raw.sqlite3_bind_parameter_index(statement, name);
            if (index == 0) continue;
            rc = value switch
            {
                long number => raw.sqlite3_bind_int64(statement, index, number),
                string text => raw.sqlite3_bind_text(statement, index, text),
                _ => throw new ArgumentException($"Unsupported parameter type {value.GetType()} for {name}.", nameof(parameters)),
            };
            if (rc != raw.SQLITE_OK)
            {
                rows.Dispose();
                SqliteException.ThrowExceptionForRC(rc, database);
            }
        }

        return rows;
    }

    public ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        long started = Environment.TickCount64;
        while (true)
        {
            int rc = raw.sqlite3_step(statement);
            if (rc == raw.SQLITE_ROW) return ValueTask.FromResult(true);
            if (rc == raw.SQLITE_DONE) return ValueTask.FromResult(false);
            if ((rc != raw.SQLITE_BUSY && rc != raw.SQLITE_LOCKED) || Environment.TickCount64 - started > BusyTimeout.TotalMilliseconds)
                SqliteException.ThrowExceptionForRC(rc, database);
            cancellationToken.ThrowIfCancellationRequested();
            Thread.Sleep(1);
        }
    }

    public bool IsNull(int ordinal) => raw.sqlite3_column_type(statement, ordinal) == raw.SQLITE_NULL;

    public long GetInt64(int ordinal) => raw.sqlite3_column_int64(statement, ordinal);

    public double GetDouble(int ordinal) => raw.sqlite3_column_double(statement, ordinal);

    public decimal GetDecimal(int ordinal) =>
        raw.sqlite3_column_type(statement, ordinal) == raw.SQLITE_TEXT
            ? decimal.Parse(raw.sqlite3_column_blob(statement, ordinal), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture)
            : decimal.Parse(GetString(ordinal), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    /// <summary>The column's text as UTF-8 bytes, valid until the next row.</summary>
    public ReadOnlySpan<byte> GetUtf8(int ordinal) => raw.sqlite3_column_blob(statement, ordinal);

    public string GetString(int ordinal) => raw.sqlite3_column_text(statement, ordinal).utf8_to_string();

    public void RememberAccount()
    {
        var account = raw.sqlite3_column_blob(statement, SnapshotQueries.AccountId);
        if (account.Length > rememberedAccount.Length) rememberedAccount = new byte[account.Length * 2];
        account.CopyTo(rememberedAccount);
        rememberedLength = account.Length;
    }

    public bool IsRememberedAccount() =>
        rememberedLength >= 0 && raw.sqlite3_column_blob(statement, SnapshotQueries.AccountId).SequenceEqual(rememberedAccount.AsSpan(0, rememberedLength));

    public void Dispose() => statement.Dispose();
}
