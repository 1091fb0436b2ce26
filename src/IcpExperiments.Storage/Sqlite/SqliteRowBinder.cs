using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IcpExperiments.Storage.Sqlite;

/// <summary>
/// Runs one statement with positional parameters (<c>?1</c>…) on a Microsoft.Data.Sqlite connection's native handle,
/// inside whatever transaction the connection has open: binding by position skips the by-name lookup that
/// Microsoft.Data.Sqlite does per parameter, which SQLite answers by scanning every name of the statement.
/// </summary>
internal static class SqliteRowBinder
{
    /// <summary>Prepares <paramref name="sql"/>, binds parameters 1…<paramref name="parameters"/> from <paramref name="valueAt"/> (0-based), steps once and returns the rows changed.</summary>
    public static int Execute(SqliteConnection connection, string sql, int parameters, Func<int, object?> valueAt)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(valueAt);
        var database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(database, raw.sqlite3_prepare_v2(database, sql, out var statement));
        using (statement)
        {
            for (int index = 0; index < parameters; index++) Check(database, Bind(statement, index + 1, valueAt(index)));
            int result = raw.sqlite3_step(statement);
            if (result != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(result, database);
            return raw.sqlite3_changes(database);
        }
    }

    private static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string text => raw.sqlite3_bind_text16(statement, index, text.AsSpan()),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        double number => raw.sqlite3_bind_double(statement, index, number),
        _ => throw new NotSupportedException($"Cannot bind a {value.GetType().Name} by position."),
    };

    private static void Check(sqlite3 database, int result)
    {
        if (result != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(result, database);
    }
}
