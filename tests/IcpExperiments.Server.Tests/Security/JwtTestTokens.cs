using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>
/// Tokens as an SSO provider would mint them for the tests: signed with an HMAC key or an RSA key that the JWT test
/// server is given by configuration (<see cref="ServerArguments"/>), or deliberately wrong in one respect.
/// </summary>
public static class JwtTestTokens
{
    public const string Issuer = "https://sso.test.example/";
    public const string Audience = "icp-experiments-tests";
    public const string TeamClaim = "icpx_team";

    /// <summary>A fixed HMAC key (32 bytes), so a failure reproduces; the RSA key below is random, its value never matters.</summary>
    public static readonly SymmetricSecurityKey HmacKey = new(SHA256.HashData(Encoding.UTF8.GetBytes("icpx jwt end-to-end test key")));

    public static readonly RsaSecurityKey RsaKey = new(RSA.Create(2048));

    /// <summary>The settings that enable JWTs on a test server: both keys, the issuer and audience above.</summary>
    public static string[] ServerArguments =>
    [
        "--IcpExperiments:Auth:Jwt:Enabled=true",
        $"--IcpExperiments:Auth:Jwt:SymmetricKey={Convert.ToBase64String(HmacKey.Key)}",
        $"--IcpExperiments:Auth:Jwt:PublicKeyPem={RsaKey.Rsa.ExportSubjectPublicKeyInfoPem()}",
        $"--IcpExperiments:Auth:Jwt:Issuer={Issuer}",
        $"--IcpExperiments:Auth:Jwt:Audience={Audience}",
    ];

    /// <summary>A valid HS256 token for <paramref name="subject"/> in <paramref name="team"/> (none when null) with <paramref name="roles"/>; <paramref name="adjust"/> may spoil it.</summary>
    public static string Mint(string subject, string? team, IEnumerable<string> roles, Action<SecurityTokenDescriptor>? adjust = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["roles"] = roles.ToArray() };
        if (team is not null) claims[TeamClaim] = team;
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(HmacKey, SecurityAlgorithms.HmacSha256),
        };
        adjust?.Invoke(descriptor);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static string Viewer(string team) => Mint(NewSubject(), team, ["viewer"]);

    public static string Experimenter(string team) => Mint(NewSubject(), team, ["experimenter", "profile_owner"]);

    /// <summary>What the server records as the actor of a refused credential: "sha256:" and 12 hex digits of its SHA-256.</summary>
    public static string RefusedActorOf(string credential) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(credential)))[..12];

    /// <summary>A subject as providers make them (opaque, unique).</summary>
    public static string NewSubject() => "user-" + Guid.NewGuid().ToString("N")[..12];
}
