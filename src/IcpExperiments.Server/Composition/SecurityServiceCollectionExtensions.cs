using IcpExperiments.Server.Security;
using IcpExperiments.Server.Security.Audit;
using IcpExperiments.Server.Security.Jwt;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace IcpExperiments.Server.Composition;

/// <summary>Registers authentication (API keys; JWTs when enabled), the per-key rate limit, the audit trail and their validated options.</summary>
public static class SecurityServiceCollectionExtensions
{
    private const string SuppressAutoDefaultScheme = "Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme";

    public static IServiceCollection AddIcpExperimentsSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReflectionOptions>().Bind(configuration.GetSection(ReflectionOptions.SectionName));
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(JwtOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerConfiguration>();
        // With one scheme registered ASP.NET Core makes it the default, and the authentication middleware it adds then
        // runs the JWT handler on every request: an API key failed JWT parsing on each call (about a tenth of a unary
        // write's CPU). Only JwtAuthenticator asks for the scheme, by name, for calls that carry a JWT.
        AppContext.SetSwitch(SuppressAutoDefaultScheme, true);
        services.AddAuthentication().AddJwtBearer(JwtAuthenticator.Scheme);
        services.AddSingleton<JwtAuthenticator>();
        services.AddSingleton<ApiKeyRateLimiter>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<FailedAuthenticationAudit>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditTrail>());
        services.AddScoped<ApiKeyAdministration>();
        services.AddScoped<BootstrapAdminKey>();
        return services;
    }
}
