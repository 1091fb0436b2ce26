using System.Buffers;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IcpExperiments.Storage.Sqlite;

/// <summary>
/// The shared part of the native statements (the multi-row inserts of <see cref="SqliteMultiRowInsert{TRow}"/>, <see cref="SqliteSessionStatements"/>):
/// statements prepared on the writer connection's handle when first needed and kept until disposed, bound by position
/// (Microsoft.Data.Sqlite looks every parameter up by name on every execution, which costs more than the insert itself
/// at ingest rates), and always reset after a step.
/// </summary>
internal abstract class SqliteNativeStatements : IDisposable
{
    /// <summary>Text up to this many UTF-8 bytes is encoded on the stack (ids, names, fingerprints); longer text in a pooled array.</summary>
    private const int StackTextBytes = 512;

    private readonly List<sqlite3_stmt> prepared = [];

    protected SqliteNativeStatements(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
    }

    protected sqlite3 Database { get; }

    public void Dispose()
    {
        foreach (var statement in prepared) statement.Dispose();
        prepared.Clear();
    }

    /// <summary><c>(?a, ?b, …), (…)</c>: <paramref name="rows"/> rows of <paramref name="perRow"/> parameters numbered from <paramref name="first"/>.</summary>
    protected static string ValueRows(int rows, int perRow, int first)
    {
        var values = new StringBuilder();
        for (int row = 0; row < rows; row++)
        {
            values.Append(row == 0 ? "(" : ", (");
            for (int column = 0; column < perRow; column++)
                values.Append(column == 0 ? "?" : ", ?").Append(first + row * perRow + column);
            values.Append(')');
        }

        return values.ToString();
    }

    protected sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(Database, sql, out var statement));
        prepared.Add(statement);
        return statement;
    }

    /// <summary>Runs the statement once and returns how many rows it stored.</summary>
    protected int Execute(sqlite3_stmt statement)
    {
        try
        {
            int result = raw.sqlite3_step(statement);
            if (result != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(result, Database);
            return raw.sqlite3_changes(Database);
        }
        finally
        {
            // Statements outlive transactions: always reset, so a failed step leaves none half-run.
            raw.sqlite3_reset(statement);
        }
    }

    /// <summary>Runs a statement that gives at most one row and reads it with <paramref name="read"/>; default when it gives none.</summary>
    protected T? QuerySingle<T>(sqlite3_stmt statement, Func<sqlite3_stmt, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            int result = raw.sqlite3_step(statement);
            if (result == raw.SQLITE_DONE) return default;
            if (result != raw.SQLITE_ROW) SqliteException.ThrowExceptionForRC(result, Database);
            return read(statement);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    protected void BindText(sqlite3_stmt statement, int index, string? value)
    {
        if (value is null) Check(raw.sqlite3_bind_null(statement, index));
        else BindText(statement, index, value.AsSpan());
    }

    /// <summary>
    /// Binds <paramref name="value"/> as UTF-8, the database's encoding: bound as UTF-16, SQLite copied it and converted
    /// it again (another allocation) when the row was written, for every text value of every row.
    /// </summary>
    protected void BindText(sqlite3_stmt statement, int index, ReadOnlySpan<char> value)
    {
        int bound = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = bound > StackTextBytes ? ArrayPool<byte>.Shared.Rent(bound) : null;
        try
        {
            Span<byte> utf8 = rented ?? stackalloc byte[StackTextBytes];
            int written = Encoding.UTF8.GetBytes(value, utf8);
            Check(raw.sqlite3_bind_text(statement, index, utf8[..written]));
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    protected void BindInt64(sqlite3_stmt statement, int index, long? value) =>
        Check(value is { } number ? raw.sqlite3_bind_int64(statement, index, number) : raw.sqlite3_bind_null(statement, index));

    protected void BindDouble(sqlite3_stmt statement, int index, double? value) =>
        Check(value is { } number ? raw.sqlite3_bind_double(statement, index, number) : raw.sqlite3_bind_null(statement, index));

    protected void Check(int result)
    {
        if (result != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(result, Database);
    }
}
