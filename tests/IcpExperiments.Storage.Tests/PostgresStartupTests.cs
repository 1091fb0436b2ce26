using IcpExperiments.Storage.Postgres;
using IcpExperiments.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IcpExperiments.Storage.Tests;

/// <summary>What the PostgreSQL provider does at start-up: the schema by its own migrations, on a database it may have to create.</summary>
public sealed class PostgresStartupTests
{
    [Fact]
    public async Task MigrateIcpExperimentsStorageAsync_EmptyDatabase_CreatesEveryTableKeyedByTeamWithCCollation()
    {
        // Arrange / Act
        await using var database = await TestDatabase.CreateAsync(StorageEngine.Postgres);

        // Assert
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var tables = await ScalarAsync<string>(connection,
            "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE '\\_%'");
        Assert.Equal("api_keys,applied_recommendations,audit_entries,campaigns,enrolments,experiments,outcomes,profile_versions,profiles", tables);
        string[] serverWide = ["api_keys", "audit_entries"];
        foreach (var table in tables!.Split(',').Except(serverWide))
        {
            var firstKeyColumn = await ScalarAsync<string>(connection,
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] " +
                $"WHERE i.indrelid = '{table}'::regclass AND i.indisprimary");
            Assert.Equal("team_id", firstKeyColumn);
        }

        Assert.Equal(0L, await ScalarAsync<long>(connection,
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'character varying') " +
            "AND table_name <> '__EFMigrationsHistory' AND collation_name IS DISTINCT FROM 'C'"));
    }

    [Fact]
    public async Task MigrateIcpExperimentsStorageAsync_DatabaseMissing_CreatesIt()
    {
        // Arrange
        var server = await PostgresTestServer.GetAsync();
        var existing = await server.CreateDatabaseAsync();
        var missing = new NpgsqlConnectionStringBuilder(existing) { Database = "icpx_" + Guid.NewGuid().ToString("N") }.ConnectionString;
        await server.DropDatabaseAsync(existing);
        await using var services = new ServiceCollection()
            .AddIcpExperimentsStorage(o => (o.Provider, o.ConnectionString) = (StorageOptions.PostgresProvider, missing))
            .AddIcpExperimentsPostgresStorage()
            .BuildServiceProvider();

        try
        {
            // Act
            await services.MigrateIcpExperimentsStorageAsync();

            // Assert
            await using var connection = new NpgsqlConnection(missing);
            await connection.OpenAsync();
            Assert.Equal(1L, await ScalarAsync<long>(connection, "SELECT count(*) FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" LIKE '%InitialCreate'"));
        }
        finally
        {
            await server.DropDatabaseAsync(missing);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MigrateIcpExperimentsStorageAsync_ReplicasStartTogether_EveryOneSucceedsAndEachMigrationIsAppliedOnce(bool databaseMissing)
    {
        // Arrange: several replicas' service providers on one empty (or not yet created) database, as a deployment starts them.
        const int Replicas = 4;
        var server = await PostgresTestServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync();
        if (databaseMissing) await server.DropDatabaseAsync(connectionString);
        var replicas = Enumerable.Range(0, Replicas).Select(_ => new ServiceCollection()
            .AddIcpExperimentsStorage(o => (o.Provider, o.ConnectionString) = (StorageOptions.PostgresProvider, connectionString))
            .AddIcpExperimentsPostgresStorage()
            .BuildServiceProvider()).ToList();

        try
        {
            // Act
            using var go = new SemaphoreSlim(0);
            var starts = replicas.Select(services => Task.Run(async () =>
            {
                await go.WaitAsync();
                await services.MigrateIcpExperimentsStorageAsync();
            })).ToList();
            go.Release(Replicas);
            await Task.WhenAll(starts);

            // Assert
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var migrations = typeof(PostgresStorageServiceCollectionExtensions).Assembly.GetTypes()
                .Count(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).Length > 0);
            Assert.Equal((long)migrations, await ScalarAsync<long>(connection, "SELECT count(DISTINCT \"MigrationId\") FROM \"__EFMigrationsHistory\""));
            Assert.Equal((long)migrations, await ScalarAsync<long>(connection, "SELECT count(*) FROM \"__EFMigrationsHistory\""));
        }
        finally
        {
            foreach (var services in replicas) await services.DisposeAsync();
            await server.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task AddIcpExperimentsStorage_PostgresWithoutItsRegistration_ExplainsWhatToAdd()
    {
        // Arrange
        await using var services = new ServiceCollection()
            .AddIcpExperimentsStorage(o => (o.Provider, o.ConnectionString) = (StorageOptions.PostgresProvider, "Host=127.0.0.1"))
            .BuildServiceProvider();

        // Act / Assert
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => services.MigrateIcpExperimentsStorageAsync());
        Assert.Contains("AddIcpExperimentsPostgresStorage", error.Message, StringComparison.Ordinal);
    }

    private static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T?)await command.ExecuteScalarAsync();
    }
}
