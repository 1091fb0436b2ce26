using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IcpExperiments.Storage.Sqlite;

/// <summary>
/// Runs one statement with positional parameters (<c>?1</c>…) on a Microsoft.Data.Sqlite connection's native handle,
/// inside whatever transaction the connection has open, through the same native binding as the ingest inserts
/// (<see cref="SqliteNativeStatements"/>): binding by position skips the by-name lookup that Microsoft.Data.Sqlite does
/// per parameter, which SQLite answers by scanning every name of the statement.
/// </summary>
internal sealed class SqliteRowBinder : SqliteNativeStatements
{
    private SqliteRowBinder(SqliteConnection connection)
        : base(connection)
    {
    }

    /// <summary>Prepares <paramref name="sql"/>, binds parameters 1…<paramref name="parameters"/> from <paramref name="valueAt"/> (0-based), steps once and returns the rows changed.</summary>
    public static int Execute(SqliteConnection connection, string sql, int parameters, Func<int, object?> valueAt)
    {
        ArgumentNullException.ThrowIfNull(valueAt);
        using var binder = new SqliteRowBinder(connection);
        var statement = binder.Prepare(sql);
        for (int index = 0; index < parameters; index++) binder.Bind(statement, index + 1, valueAt(index));
        return binder.Execute(statement);
    }

    private void Bind(sqlite3_stmt statement, int index, object? value)
    {
        switch (value)
        {
            case null: BindText(statement, index, (string?)null); break;
            case string text: BindText(statement, index, text); break;
            case long number: BindInt64(statement, index, number); break;
            case int number: BindInt64(statement, index, number); break;
            case double number: BindDouble(statement, index, number); break;
            default: throw new NotSupportedException($"Cannot bind a {value.GetType().Name} by position.");
        }
    }
}
