using IcpExperiments.Core.Application;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IcpExperiments.Storage.Tests;

/// <summary>A real SQLite file in a fresh temp folder, wired exactly as the server wires it; reopenable to test durability.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "icpx-storage-tests", Guid.NewGuid().ToString("N"));
    private readonly List<AsyncServiceScope> scopes = [];
    private ServiceProvider services;

    private TestDatabase()
    {
        services = Build();
    }

    public string DatabasePath => Path.Combine(folder, "nested", "icp-experiments.db");

    public IServiceProvider Services => services;

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await database.services.MigrateIcpExperimentsStorageAsync();
        return database;
    }

    /// <summary>Drops every connection and service and opens the file again, as a restarted server would.</summary>
    public async Task ReopenAsync()
    {
        await CloseAsync();
        SqliteConnection.ClearAllPools();
        services = Build();
        await services.MigrateIcpExperimentsStorageAsync();
    }

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

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test over it is not.
        }
    }

    private async Task CloseAsync()
    {
        foreach (var scope in scopes) await scope.DisposeAsync();
        scopes.Clear();
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    private ServiceProvider Build() =>
        new ServiceCollection()
            .AddIcpExperimentsStorage(o => o.DatabasePath = DatabasePath)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
}
