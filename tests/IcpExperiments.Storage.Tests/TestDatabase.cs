using IcpExperiments.Core.Application;
using IcpExperiments.Storage.Postgres;
using IcpExperiments.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IcpExperiments.Storage.Tests;

/// <summary>
/// A real database, wired exactly as the server wires it; reopenable to test durability. On SQLite a file in a fresh temp
/// folder; on PostgreSQL a fresh database of its own (copied from a template migrated once per test run) on the test
/// server (<see cref="PostgresTestServer"/>), dropped at the end.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private static readonly Lazy<Task<string>> PostgresTemplate = new(CreatePostgresTemplateAsync);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "icpx-storage-tests", Guid.NewGuid().ToString("N"));
    private readonly List<AsyncServiceScope> scopes = [];
    private readonly string? connectionString;
    private ServiceProvider services;

    private TestDatabase(StorageEngine engine, string? connectionString)
    {
        Engine = engine;
        this.connectionString = connectionString;
        services = Build(Configure);
    }

    public StorageEngine Engine { get; }

    public string DatabasePath => Path.Combine(folder, "nested", "icp-experiments.db");

    /// <summary>The PostgreSQL connection string (null on SQLite).</summary>
    public string? ConnectionString => connectionString;

    public IServiceProvider Services => services;

    public static async Task<TestDatabase> CreateAsync(StorageEngine engine = StorageEngine.Sqlite)
    {
        string? connectionString = null;
        if (engine == StorageEngine.Postgres)
            connectionString = await (await PostgresTestServer.GetAsync()).CreateDatabaseAsync(await PostgresTemplate.Value);
        var database = new TestDatabase(engine, connectionString);
        await database.services.MigrateIcpExperimentsStorageAsync();
        return database;
    }

    /// <summary>Drops every connection and service and opens the database again, as a restarted server would.</summary>
    public async Task ReopenAsync()
    {
        await CloseAsync();
        services = Build(Configure);
        await services.MigrateIcpExperimentsStorageAsync();
    }

    /// <summary>A second server process on the same database (already migrated by this one); the caller disposes it.</summary>
    public OtherProcess OpenOtherProcess() => new(Build(Configure));

    public IProfileRepository Profiles() => Scoped<IProfileRepository>();

    public IExperimentRepository Experiments() => Scoped<IExperimentRepository>();

    public IOutcomeRepository Outcomes() => Scoped<IOutcomeRepository>();

    public IExperimentDataVersions DataVersions() => Scoped<IExperimentDataVersions>();

    /// <summary>A service from a new scope (its own DbContext), like one gRPC call; the scope lives as long as the database.</summary>
    public T Scoped<T>()
        where T : notnull
    {
        var scope = services.CreateAsyncScope();
        scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    /// <summary>Runs raw SQL on the database directly (parameters named <c>@name</c> in the SQL), as another writer would; returns rows changed.</summary>
    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using System.Data.Common.DbConnection connection = connectionString is null
            ? new SqliteConnection($"Data Source={DatabasePath}")
            : new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        if (connectionString is not null) await (await PostgresTestServer.GetAsync()).DropDatabaseAsync(connectionString);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder (or none at all) is harmless; failing the test over it is not.
        }
    }

    private void Configure(StorageOptions options)
    {
        options.DatabasePath = DatabasePath;
        if (Engine != StorageEngine.Postgres) return;
        options.Provider = StorageOptions.PostgresProvider;
        options.ConnectionString = connectionString;
    }

    private async Task CloseAsync()
    {
        foreach (var scope in scopes) await scope.DisposeAsync();
        scopes.Clear();
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (connectionString is not null)
        {
            using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    private static ServiceProvider Build(Action<StorageOptions> configure) =>
        new ServiceCollection()
            .AddSingleton<System.Diagnostics.Metrics.IMeterFactory, TestMeterFactory>()
            .AddSingleton<IcpExperiments.Core.Application.ExperimentChangeSignal>()
            .AddIcpExperimentsStorage(configure)
            .AddIcpExperimentsPostgresStorage()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

    /// <summary>A database migrated once per run; CREATE DATABASE … TEMPLATE copies it far faster than migrating each one.</summary>
    private static async Task<string> CreatePostgresTemplateAsync()
    {
        var server = await PostgresTestServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync();
        await using (var migrated = Build(o => (o.Provider, o.ConnectionString) = (StorageOptions.PostgresProvider, connectionString)))
            await migrated.MigrateIcpExperimentsStorageAsync();
        using (var connection = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(connection);
        server.DropAtExit(connectionString);
        return new NpgsqlConnectionStringBuilder(connectionString).Database!;
    }
}
