using IcpExperiments.Server.Errors;
using IcpExperiments.Server.Health;
using IcpExperiments.Server.Services;

namespace IcpExperiments.Server.Composition;

/// <summary>The gRPC surface: our services with error mapping, plus the standard health and reflection services.</summary>
public static class GrpcServiceCollectionExtensions
{
    /// <summary>Largest request message: an import batch of 10,000 rows with attributes fits with room to spare.</summary>
    public const int MaxReceiveMessageBytes = 16 * 1024 * 1024;

    public static IServiceCollection AddIcpExperimentsGrpc(this IServiceCollection services)
    {
        services.AddGrpc(options =>
        {
            options.Interceptors.Add<ErrorMappingInterceptor>();
            options.MaxReceiveMessageSize = MaxReceiveMessageBytes;
            options.EnableDetailedErrors = false;
        });
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return services;
    }

    public static IEndpointRouteBuilder MapIcpExperimentsGrpc(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<ProfileGrpcService>();
        endpoints.MapGrpcService<ExperimentGrpcService>();
        endpoints.MapGrpcService<OutcomeGrpcService>();
        endpoints.MapGrpcService<AnalysisGrpcService>();
        endpoints.MapGrpcHealthChecksService();
        endpoints.MapGrpcReflectionService();
        return endpoints;
    }
}
