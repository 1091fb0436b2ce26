using IcpExperiments.Server.Security;
using IcpExperiments.Server.Security.Audit;

namespace IcpExperiments.Server.Composition;

/// <summary>Registers authentication (API keys), the per-key rate limit, the audit trail and their validated options.</summary>
public static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddIcpExperimentsSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReflectionOptions>().Bind(configuration.GetSection(ReflectionOptions.SectionName));
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<ApiKeyRateLimiter>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<FailedAuthenticationAudit>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditTrail>());
        services.AddScoped<ApiKeyAdministration>();
        services.AddScoped<BootstrapAdminKey>();
        return services;
    }
}
