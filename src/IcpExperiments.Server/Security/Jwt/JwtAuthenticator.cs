using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IcpExperiments.Server.Security.Jwt;

/// <summary>
/// Validates a call's JWT with ASP.NET Core's JwtBearer handler (signature, lifetime, issuer, audience, discovery and
/// key rollover: security code we do not write ourselves), then maps its claims with <see cref="JwtClaimsMapper"/>.
/// The handler reads the same <c>authorization</c> header on every transport (gRPC, gRPC-Web, HTTP/JSON).
/// </summary>
public sealed class JwtAuthenticator(IOptions<JwtOptions> options)
{
    /// <summary>The authentication scheme the handler is registered under; never a default scheme, only asked for here.</summary>
    public const string Scheme = "IcpExperimentsJwt";

    private readonly JwtClaimsMapper mapper = new(options.Value);

    /// <summary>Whether JWTs are accepted at all (<see cref="JwtOptions.Enabled"/>).</summary>
    public bool IsEnabled { get; } = options.Value.Enabled;

    public async Task<JwtAuthentication> AuthenticateAsync(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await context.GetHttpContext().AuthenticateAsync(Scheme);
        return result.Succeeded ? mapper.Map(result.Principal) : JwtFailures.Describe(result.Failure);
    }
}
