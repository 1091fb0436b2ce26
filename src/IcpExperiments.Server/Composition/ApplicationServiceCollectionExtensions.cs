using IcpExperiments.Core.Application;
using Microsoft.Extensions.Options;

namespace IcpExperiments.Server.Composition;

/// <summary>Registers the application use cases the gRPC services call, and the clock they share.</summary>
public static class ApplicationServiceCollectionExtensions
{
    public static IServiceCollection AddIcpExperimentsApplication(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ProfileApplicationService>();
        services.AddScoped<ExperimentApplicationService>();
        services.AddScoped<OutcomeApplicationService>();
        services.AddScoped<RecommendationApplicationService>();
        services.AddOptions<ExperimentAnalyzerOptions>().BindConfiguration(ExperimentAnalyzerOptions.SectionName)
            .Validate(o => o.Validate().Count == 0, "Invalid IcpExperiments:Analysis settings (CacheCapacity >= 1, LiveGranularity 1 s to 1 day).").ValidateOnStart();
        services.AddSingleton<IExperimentAnalyzer>(sp => new ExperimentAnalyzer(
            sp.GetRequiredService<IAnalysisDataSource>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<ExperimentAnalyzerOptions>>().Value));
        return services;
    }
}
