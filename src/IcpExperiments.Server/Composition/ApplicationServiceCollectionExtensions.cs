using IcpExperiments.Core.Application;

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
        return services;
    }
}
