using Microsoft.Extensions.DependencyInjection;

namespace IcpExperiments.Storage.Postgres;

/// <summary>Makes <c>IcpExperiments:Storage:Provider=postgres</c> available; SQLite stays the default.</summary>
public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>Registers the PostgreSQL provider, used when <see cref="StorageOptions.Provider"/> is <c>postgres</c>.</summary>
    public static IServiceCollection AddIcpExperimentsPostgresStorage(this IServiceCollection services)
    {
        services.AddSingleton(new StorageProviderRegistration(StorageOptions.PostgresProvider, options => new PostgresStorageProvider(options)));
        return services;
    }
}
