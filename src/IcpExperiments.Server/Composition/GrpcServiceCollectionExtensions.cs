using Grpc.AspNetCore.Server.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;
using IcpExperiments.Server.Errors;
using IcpExperiments.Server.Health;
using IcpExperiments.Server.Security;
using IcpExperiments.Server.Security.Audit;
using IcpExperiments.Server.Services;
using Microsoft.Extensions.Options;

namespace IcpExperiments.Server.Composition;

/// <summary>
/// The gRPC surface: our services behind authentication, the per-key rate limit, the audit trail and error mapping (in
/// that order, outermost first), plus the standard health and (unless switched off) reflection services.
/// </summary>
public static class GrpcServiceCollectionExtensions
{
    /// <summary>Largest request message: an import batch of 10,000 rows with attributes fits with room to spare.</summary>
    public const int MaxReceiveMessageBytes = 16 * 1024 * 1024;

    public static IServiceCollection AddIcpExperimentsGrpc(this IServiceCollection services)
    {
        // Stateless, with singleton dependencies: registered, they are resolved once instead of constructed on every call.
        services.AddSingleton<AuthenticationInterceptor>();
        services.AddSingleton<RateLimitInterceptor>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<ErrorMappingInterceptor>();
        services.AddSingleton<InterceptorChain>();
        services.AddGrpc(options =>
        {
            // One registration: the chain orders the four (see InterceptorChain for why they are not registered one by one).
            options.Interceptors.Add<InterceptorChain>();
            options.MaxReceiveMessageSize = MaxReceiveMessageBytes;
            options.EnableDetailedErrors = false;
        });
        services.AddGrpcReflection();
        services.AddIcpExperimentsHealthChecks();
        // Our provider instead of grpc-dotnet's default (last, after every AddGrpc* call that registers it): same registrations, request marshallers that answer
        // unparseable messages with INVALID_ARGUMENT instead of UNKNOWN / INTERNAL.
        services.RemoveAll(typeof(IServiceMethodProvider<>));
        services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(ValidatingServiceMethodProvider<>));
        return services;
    }

    public static IEndpointRouteBuilder MapIcpExperimentsGrpc(this IEndpointRouteBuilder endpoints)
    {
        // After routing (it reads the gRPC method of the endpoint), before the endpoint runs.
        if (endpoints is IApplicationBuilder app) app.UseMiddleware<UnaryFramingMiddleware>();
        endpoints.MapGrpcService<ProfileGrpcService>();
        endpoints.MapGrpcService<ExperimentGrpcService>();
        endpoints.MapGrpcService<OutcomeGrpcService>();
        endpoints.MapGrpcService<AnalysisGrpcService>();
        endpoints.MapGrpcService<RecommendationGrpcService>();
        endpoints.MapGrpcService<AdminGrpcService>();
        endpoints.MapGrpcHealthChecksService();
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<ReflectionOptions>>().Value.Enabled) endpoints.MapGrpcReflectionService();
        return endpoints;
    }
}
