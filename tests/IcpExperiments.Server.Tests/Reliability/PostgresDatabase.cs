using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>
/// The PostgreSQL counterpart of <see cref="SqliteFile.Digest"/>: a SHA-256 over every row of every table of the
/// public schema but the excluded ones, rendered column by column and sorted, to prove rejected calls changed nothing.
/// </summary>
public static class PostgresDatabase
{
    public static async Task<string> DigestAsync(string connectionString, params string[] excludedTables)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = await QueryAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE \"C\"", r => r.GetString(0));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables.Except(excludedTables, StringComparer.Ordinal))
        {
            // The table names come from information_schema, quoted; nothing user-supplied reaches this SQL.
#pragma warning disable CA2100
            var rows = await QueryAsync(connection, $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", RowRendering.Render);
#pragma warning restore CA2100
            rows.Sort(StringComparer.Ordinal);
            hash.AppendData(Encoding.UTF8.GetBytes($"{table}:{rows.Count}\n"));
            foreach (var row in rows) hash.AppendData(Encoding.UTF8.GetBytes(row));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static async Task<List<T>> QueryAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read)
    {
#pragma warning disable CA2100 // Callers pass SQL built from information_schema names only.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync();
        var items = new List<T>();
        while (await reader.ReadAsync()) items.Add(read(reader));
        return items;
    }
}
