using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IcpExperiments.Storage;

/// <summary>Start-up step: prepares the database file and applies pending migrations before the server takes requests.</summary>
public static class StorageStartupExtensions
{
    /// <summary>Validates the options, creates the database folder, switches it to WAL and applies migrations. Idempotent.</summary>
    public static async Task MigrateIcpExperimentsStorageAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider.GetRequiredService<IStorageProvider>();
        var context = scope.ServiceProvider.GetRequiredService<IcpExperimentsDbContext>();
        await provider.PrepareAsync(context, cancellationToken);
        await provider.MigrateAsync(context, cancellationToken);
    }
}
