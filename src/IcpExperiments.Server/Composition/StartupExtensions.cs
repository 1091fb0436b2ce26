using IcpExperiments.Server.Demo;
using IcpExperiments.Server.Security;
using IcpExperiments.Storage;
using Microsoft.Extensions.Options;

namespace IcpExperiments.Server.Composition;

/// <summary>What runs once before the server takes requests: storage migrations, the bootstrap admin key, then the optional demo data.</summary>
public static class StartupExtensions
{
    public static async Task PrepareIcpExperimentsAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        services.GetRequiredService<ILoggerFactory>().CreateLogger("IcpExperiments.Server.Startup")
            .LogInformation("Storage: {Provider} database at {Location}", storage.Provider, storage.Location);
        await services.MigrateIcpExperimentsStorageAsync(cancellationToken);
        await using (var keyScope = services.CreateAsyncScope())
            await keyScope.ServiceProvider.GetRequiredService<BootstrapAdminKey>().EnsureAsync(cancellationToken);
        if (!services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed) return;
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
    }
}
