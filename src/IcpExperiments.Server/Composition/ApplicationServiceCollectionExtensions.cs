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
            .Validate(o => o.Validate().Count == 0, "Invalid IcpExperiments:Analysis settings: CacheCapacity >= 1, LiveGranularity 1 s to 1 day, WatchMinimumInterval 0 to 1 h, WatchPollInterval 10 ms to 1 h.").ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ExperimentAnalyzerOptions>>().Value);
        services.AddSingleton<IExperimentAnalyzer, ExperimentAnalyzer>();
        services.AddSingleton<SegmentAnalyzer>();
        services.AddSingleton<ExperimentChangeSignal>();
        services.AddSingleton<ResultsWatcher>();
        services.Decorate<IOutcomeRepository>((inner, sp) => new ChangeNotifyingOutcomeRepository(inner, sp.GetRequiredService<ExperimentChangeSignal>()));
        services.Decorate<IExperimentRepository>((inner, sp) => new ChangeNotifyingExperimentRepository(inner, sp.GetRequiredService<ExperimentChangeSignal>()));
        return services;
    }
}
