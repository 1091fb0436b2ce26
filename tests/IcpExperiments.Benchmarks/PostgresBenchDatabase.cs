using Npgsql;

namespace IcpExperiments.Benchmarks;

/// <summary>A fresh database with a random name on a benchmark's PostgreSQL server, dropped when the run ends.</summary>
public sealed class PostgresBenchDatabase
{
    private readonly string serverConnectionString;

    private PostgresBenchDatabase(string serverConnectionString, string connectionString)
    {
        this.serverConnectionString = serverConnectionString;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresBenchDatabase> CreateAsync(string serverConnectionString)
    {
        var name = "icpx_bench_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(serverConnectionString, $"CREATE DATABASE {name}");
        return new PostgresBenchDatabase(serverConnectionString, new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString);
    }

    public async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(serverConnectionString, $"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(ConnectionString).Database} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // The database name is generated here, not user input.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }
}
