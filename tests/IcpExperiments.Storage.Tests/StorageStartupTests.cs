using IcpExperiments.Core.Teams;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IcpExperiments.Storage.Tests;

public sealed class StorageStartupTests
{
    [Fact]
    public async Task MigrateIcpExperimentsStorageAsync_EmptyFolder_CreatesFileWithSchemaInWalMode()
    {
        // Arrange / Act
        await using var database = await TestDatabase.CreateAsync();

        // Assert
        Assert.True(File.Exists(database.DatabasePath));
        await using var connection = new SqliteConnection($"Data Source={database.DatabasePath}");
        await connection.OpenAsync();
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        var tables = await ScalarAsync(connection, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%' ORDER BY name)");
        Assert.Equal("api_keys,applied_recommendations,audit_entries,campaigns,enrolments,experiments,outcomes,profile_versions,profiles", tables);

        // Team-owned rows start their key with team_id; API keys (found before their team is known) and the audit log
        // (an append-only sequence across teams) are server-wide and carry team_id as an indexed column instead.
        string[] serverWide = ["api_keys", "audit_entries"];
        foreach (var table in tables!.Split(',').Except(serverWide))
            Assert.Equal(1L, await ScalarAsync<long>(connection, $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = 'team_id' AND pk = 1"));
    }

    [Fact]
    public async Task MigrateIcpExperimentsStorageAsync_AlreadyMigrated_IsANoOpThatKeepsData()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        await database.Profiles().CreateAsync(TestData.Team, TestData.Profile(), CancellationToken.None);

        // Act
        await database.Services.MigrateIcpExperimentsStorageAsync();

        // Assert
        Assert.Equal("saas-icp", (await database.Profiles().GetAsync(TestData.Team, "saas-icp", CancellationToken.None)).Id);
    }

    [Fact]
    public async Task Connection_OpenedByStorage_HasForeignKeysSynchronousNormalAndBusyTimeout()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        await using var scope = database.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<IcpExperimentsDbContext>();

        // Act
        await context.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)context.Database.GetDbConnection();

        // Assert
        Assert.Equal(1L, await ScalarAsync<long>(connection, "PRAGMA foreign_keys;"));
        Assert.Equal(1L, await ScalarAsync<long>(connection, "PRAGMA synchronous;"));
        Assert.Equal(5000L, await ScalarAsync<long>(connection, "PRAGMA busy_timeout;"));
    }

    [Theory]
    [InlineData("postgres", "data/x.db", "normal", 5000)]
    [InlineData("sqlite", "", "normal", 5000)]
    [InlineData("sqlite", "data/x.db", "off", 5000)]
    [InlineData("sqlite", "data/x.db", "full", -1)]
    public void Validate_InvalidSetting_Fails(string provider, string path, string synchronous, int busyTimeout)
    {
        // Arrange
        var options = new StorageOptions { Provider = provider, DatabasePath = path, Synchronous = synchronous, BusyTimeoutMilliseconds = busyTimeout };

        // Act
        var result = new StorageOptionsValidator().Validate(null, options);

        // Assert
        Assert.True(result.Failed);
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        // Arrange / Act
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions());

        // Assert
        Assert.True(result.Succeeded);
        Assert.Equal(Path.GetFullPath("data/icp-experiments.db"), new StorageOptions().FullDatabasePath);
    }

    [Fact]
    public async Task MigrateIcpExperimentsStorageAsync_InvalidOptions_ThrowsBeforeTouchingDisk()
    {
        // Arrange
        await using var services = new ServiceCollection().AddIcpExperimentsStorage(o => o.Provider = "oracle").BuildServiceProvider();

        // Act / Assert
        await Assert.ThrowsAsync<OptionsValidationException>(() => services.MigrateIcpExperimentsStorageAsync());
    }

    [Fact]
    public async Task DataVersion_MissingExperiment_IsNotFound()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();

        // Act / Assert
        await Assert.ThrowsAsync<Core.Errors.NotFoundException>(() => database.DataVersions().GetAsync(new TeamId("t"), "nope", CancellationToken.None));
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql) => (await ScalarAsync<object>(connection, sql))?.ToString();

    private static async Task<T?> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T?)await command.ExecuteScalarAsync();
    }
}
