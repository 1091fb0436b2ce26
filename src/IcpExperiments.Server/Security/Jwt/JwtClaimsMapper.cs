using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Teams;
using IcpExperiments.Server.Security.Audit;

namespace IcpExperiments.Server.Security.Jwt;

/// <summary>
/// Turns the claims of a validated token into a caller: actor <c>jwt:{sub}</c>, the team of <see cref="JwtOptions.TeamClaim"/>
/// and the roles of <see cref="JwtOptions.RolesClaim"/> mapped through <see cref="JwtOptions.RoleMap"/>. A token without a
/// subject proves no identity: UNAUTHENTICATED. A genuine token without exactly one valid team, or without a role we know,
/// proves who is calling but grants nothing here: PERMISSION_DENIED (a fresh token from the same provider would not help).
/// </summary>
public sealed class JwtClaimsMapper(JwtOptions options)
{
    public const string ActorPrefix = "jwt:";

    // The audit trail's actor column holds 63 characters; longer or odd subjects are recorded by a hash prefix.
    private const int MaxActorLength = 63;
    private const int SubjectHashDigits = 12;

    private readonly Dictionary<string, string> roleMap = options.RoleMap.Count > 0
        ? new(options.RoleMap, StringComparer.OrdinalIgnoreCase)
        : Roles.All.ToDictionary(r => r, r => r, StringComparer.Ordinal);

    public JwtAuthentication Map(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var subject = principal.FindFirst("sub")?.Value;
        if (string.IsNullOrEmpty(subject)) return JwtAuthentication.Refuse(StatusCode.Unauthenticated, "JWT without a subject ('sub')");
        var actor = ActorOf(subject);

        var teams = principal.FindAll(options.TeamClaim).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        if (teams.Count != 1 || !ResourceIds.IsValid(teams[0]))
        {
            var problem = teams.Count == 0 ? "no" : teams.Count > 1 ? "more than one" : "an invalid";
            return JwtAuthentication.Refuse(StatusCode.PermissionDenied, $"JWT with {problem} team claim ('{options.TeamClaim}')", new Caller(new TeamId(FailedAuthenticationAudit.UnknownTeam), actor));
        }

        var caller = new Caller(new TeamId(teams[0]), actor);
        var roles = principal.FindAll(options.RolesClaim)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(value => roleMap.GetValueOrDefault(value))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return roles.Length == 0
            ? JwtAuthentication.Refuse(StatusCode.PermissionDenied, $"JWT without a known role ('{options.RolesClaim}')", caller)
            : JwtAuthentication.Admit(new AuthenticatedKey(caller, roles));
    }

    /// <summary>
    /// The actor id of a subject: <c>jwt:{sub}</c>, or <c>jwt:sha256:</c> + 12 hex digits of its SHA-256 when it is too long
    /// for the audit trail or holds anything but printable ASCII. The prefix keeps subjects apart from API key ids.
    /// </summary>
    public static string ActorOf(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var plain = ActorPrefix.Length + subject.Length <= MaxActorLength && subject.All(c => c is > ' ' and <= '~');
        return plain ? ActorPrefix + subject : $"{ActorPrefix}sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject)))[..SubjectHashDigits]}";
    }
}
