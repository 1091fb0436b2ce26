using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace IcpExperiments.Server.Security.Jwt;

/// <summary>Translates <see cref="JwtOptions"/> into the JwtBearer handler's options for <see cref="JwtAuthenticator.Scheme"/>.</summary>
public sealed class JwtBearerConfiguration(IOptions<JwtOptions> jwt) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name != JwtAuthenticator.Scheme) return;
        var settings = jwt.Value;

        // Claims keep the names they have in the token ('sub', 'roles'), not WS-Federation URIs.
        options.MapInboundClaims = false;
        if (!string.IsNullOrWhiteSpace(settings.Authority))
        {
            options.Authority = settings.Authority;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.Events = new JwtBearerEvents { OnMessageReceived = RequireProviderKeysAsync };
        }

        var parameters = options.TokenValidationParameters;
        parameters.ValidAudience = settings.Audience;
        parameters.ValidIssuer = string.IsNullOrWhiteSpace(settings.Issuer) ? null : settings.Issuer;
        parameters.IssuerSigningKeys = settings.HasExplicitKeys ? JwtSigningKeys.From(settings) : null;
        parameters.RequireExpirationTime = true;
        parameters.RequireSignedTokens = true;
        parameters.ClockSkew = TimeSpan.FromSeconds(settings.ClockSkewSeconds);
        parameters.NameClaimType = "sub";
        parameters.RoleClaimType = settings.RolesClaim;
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    /// <summary>
    /// Fails the call with the discovery error while the provider has never been reached: the token handler would
    /// otherwise validate against no keys and the caller would hear "unknown key" instead of "try again". Once keys
    /// were fetched, the manager answers from its cache (also through a later outage) and this costs nothing.
    /// </summary>
    private static async Task RequireProviderKeysAsync(MessageReceivedContext context)
    {
        try
        {
            await context.Options.ConfigurationManager!.GetConfigurationAsync(context.HttpContext.RequestAborted);
        }
        catch (InvalidOperationException exception)
        {
            context.Fail(exception);
        }
    }
}
