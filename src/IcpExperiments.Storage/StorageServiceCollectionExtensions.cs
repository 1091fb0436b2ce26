using IcpExperiments.Core.Application;
using IcpExperiments.Storage.Repositories;
using IcpExperiments.Storage.Security;
using IcpExperiments.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IcpExperiments.Storage;

/// <summary>The storage layer's one registration point.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the DbContext and the repository ports, with options bound from <c>IcpExperiments:Storage</c>.</summary>
    public static IServiceCollection AddIcpExperimentsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<Analysis.ReadModel.AnalysisReadModelOptions>().Bind(configuration.GetSection(Analysis.ReadModel.AnalysisReadModelOptions.SectionName));
        return services.AddIcpExperimentsStorage(options => configuration.GetSection(StorageOptions.SectionName).Bind(options));
    }

    /// <summary>Registers the DbContext and the repository ports, with options set in code (tests, tools).</summary>
    public static IServiceCollection AddIcpExperimentsStorage(this IServiceCollection services, Action<StorageOptions> configure)
    {
        services.AddOptions<StorageOptions>().Configure(configure).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton(sp => CreateProvider(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetServices<StorageProviderRegistration>()));
        services.AddDbContextPool<IcpExperimentsDbContext>((sp, builder) => sp.GetRequiredService<IStorageProvider>().Configure(builder));
        services.AddSingleton<Telemetry.DbCommandTracingInterceptor>();
        services.ConfigureDbContext<IcpExperimentsDbContext>((sp, builder) => builder.AddInterceptors(sp.GetRequiredService<Telemetry.DbCommandTracingInterceptor>()));
        services.AddScoped<IProfileRepository, ProfileRepository>();
        services.AddScoped<IExperimentRepository, ExperimentRepository>();
        services.AddSingleton<Ingest.IngestWriter>();
        services.AddSingleton<Ingest.PendingOutcomeWrites>();
        services.AddScoped<IOutcomeRepository, OutcomeRepository>();
        services.AddScoped<IRecommendationRepository, RecommendationRepository>();
        services.AddScoped<IExperimentDataVersions, ExperimentDataVersions>();
        services.AddScoped<IApiKeyStore, ApiKeyStore>();
        services.AddScoped<IAuditStore, AuditStore>();
        services.AddOptions<Analysis.ReadModel.AnalysisReadModelOptions>()
            .Validate(o => o.Validate().Count == 0, "IcpExperiments:Analysis:ReadModelMegabytes must be between 0 and 1048576.").ValidateOnStart();
        services.AddSingleton<Analysis.ReadModel.AnalysisReadModels>();
        services.AddSingleton<Analysis.ReadModel.ReadModelSnapshots>();
        services.AddSingleton<Ingest.IIngestCommitObserver, Analysis.ReadModel.ReadModelFeed>();
        services.AddSingleton<IAnalysisDataSource, Analysis.AnalysisDataSource>();
        services.AddSingleton<ISegmentDataSource, Analysis.SegmentDataSource>();
        return services;
    }

    private static IStorageProvider CreateProvider(StorageOptions options, IEnumerable<StorageProviderRegistration> registrations)
    {
        if (string.Equals(options.Provider, StorageOptions.SqliteProvider, StringComparison.OrdinalIgnoreCase)) return new SqliteStorageProvider(options);
        var registration = registrations.LastOrDefault(r => string.Equals(r.Name, options.Provider, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException(
                $"Storage provider '{options.Provider}' is not registered: reference IcpExperiments.Storage.Postgres and call AddIcpExperimentsPostgresStorage().");
        return registration.Create(options);
    }
}
