using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>
/// Reads the server's SQLite file directly, read-only and beside the running server (WAL lets readers in): a digest
/// of every row of every table, to prove rejected calls changed nothing, and counts that do not go through the API.
/// </summary>
public static class SqliteFile
{
    /// <summary>SHA-256 over every table's rows (each rendered column by column, length-prefixed, rows sorted), but the <paramref name="excludedTables"/>.</summary>
    public static string Digest(string databasePath, params string[] excludedTables)
    {
        using var connection = Open(databasePath);
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", r => r.GetString(0));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables.Except(excludedTables, StringComparer.Ordinal))
        {
            // The table names come from sqlite_master itself, quoted; nothing user-supplied reaches this SQL.
#pragma warning disable CA2100
            var rows = Query(connection, $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", RowRendering.Render);
#pragma warning restore CA2100
            rows.Sort(StringComparer.Ordinal);
            hash.AppendData(Encoding.UTF8.GetBytes($"{table}:{rows.Count}\n"));
            foreach (var row in rows) hash.AppendData(Encoding.UTF8.GetBytes(row));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>One integer from a query with named parameters (<c>$name</c>).</summary>
    public static long Count(string databasePath, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open(databasePath);
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Test-authored SQL; values go through parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Callers pass SQL built from sqlite_master names only.
        command.CommandText = sql;
#pragma warning restore CA2100
        using var reader = command.ExecuteReader();
        var items = new List<T>();
        while (reader.Read()) items.Add(read(reader));
        return items;
    }
}
