using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IcpExperiments.Server.Security.Jwt;

/// <summary>
/// Validates a call's JWT with ASP.NET Core's JwtBearer handler (signature, lifetime, issuer, audience, discovery and
/// key rollover: security code we do not write ourselves), then maps its claims with <see cref="JwtClaimsMapper"/>.
/// The handler reads the same <c>authorization</c> header on every transport (gRPC, gRPC-Web, HTTP/JSON). An admitted
/// token is remembered for a while (<see cref="JwtValidationCache"/>), so its next calls skip the signature check.
/// </summary>
public sealed class JwtAuthenticator(IOptions<JwtOptions> options, TimeProvider time)
{
    /// <summary>The authentication scheme the handler is registered under; never a default scheme, only asked for here.</summary>
    public const string Scheme = "IcpExperimentsJwt";

    private readonly JwtClaimsMapper mapper = new(options.Value);
    private readonly JwtValidationCache cache = new(time, TimeSpan.FromSeconds(options.Value.ValidationCacheSeconds));

    /// <summary>Whether JWTs are accepted at all (<see cref="JwtOptions.Enabled"/>).</summary>
    public bool IsEnabled { get; } = options.Value.Enabled;

    /// <summary>Validates <paramref name="token"/>, the JWT the call's <c>authorization</c> header carries.</summary>
    public async Task<JwtAuthentication> AuthenticateAsync(ServerCallContext context, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(token);
        if (cache.Find(token) is { } remembered) return remembered;
        var result = await context.GetHttpContext().AuthenticateAsync(Scheme);
        if (!result.Succeeded) return JwtFailures.Describe(result.Failure);
        var authentication = mapper.Map(result.Principal);
        cache.Remember(token, authentication, result.Properties?.ExpiresUtc);
        return authentication;
    }
}
