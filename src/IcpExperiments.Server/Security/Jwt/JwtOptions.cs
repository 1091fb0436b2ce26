namespace IcpExperiments.Server.Security.Jwt;

/// <summary>
/// JWT bearer tokens from an SSO identity provider, a second way in beside API keys; section
/// <c>IcpExperiments:Auth:Jwt</c> (environment: <c>IcpExperiments__Auth__Jwt__Enabled=true</c>). Off by default.
/// Signing keys come either from <see cref="Authority"/> (OpenID Connect discovery, keys refreshed as the provider rolls
/// them) or from <see cref="SymmetricKey"/> / <see cref="PublicKeyPem"/> (offline use, tests). Checked by
/// <see cref="JwtOptionsValidator"/> at start-up.
/// </summary>
public sealed class JwtOptions
{
    public const string SectionName = "IcpExperiments:Auth:Jwt";
    public const string DefaultTeamClaim = "icpx_team";
    public const string DefaultRolesClaim = "roles";
    public const int DefaultClockSkewSeconds = 60;
    public const int MaxClockSkewSeconds = 600;
    public const int DefaultValidationCacheSeconds = 60;
    public const int MaxValidationCacheSeconds = 3600;

    /// <summary>Whether a bearer value shaped like a JWT is validated as one; when false every bearer value is an API key.</summary>
    public bool Enabled { get; set; }

    /// <summary>The provider's issuer URL; its <c>/.well-known/openid-configuration</c> gives the issuer and signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>Whether <see cref="Authority"/> must be https (default true; false only for a provider on a trusted network or in tests).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>A shared HMAC key (HS256/384/512), base64, at least 32 bytes; instead of <see cref="Authority"/>.</summary>
    public string? SymmetricKey { get; set; }

    /// <summary>An RSA or EC public key in PEM (<c>-----BEGIN PUBLIC KEY-----</c>) for RS*/PS*/ES* tokens; instead of <see cref="Authority"/>.</summary>
    public string? PublicKeyPem { get; set; }

    /// <summary>The required <c>iss</c>; mandatory with explicit keys, taken from the discovery document when omitted with <see cref="Authority"/>.</summary>
    public string? Issuer { get; set; }

    /// <summary>The required <c>aud</c>: the id this service has at the provider. Always mandatory.</summary>
    public string? Audience { get; set; }

    /// <summary>The claim naming the caller's team (a team id such as <c>growth-emea</c>).</summary>
    public string TeamClaim { get; set; } = DefaultTeamClaim;

    /// <summary>The claim carrying roles: repeated, a JSON array or one space-separated string.</summary>
    public string RolesClaim { get; set; } = DefaultRolesClaim;

    /// <summary>
    /// Provider role value → our role (admin, experimenter, viewer, profile_owner), e.g.
    /// <c>RoleMap__icpx_readers=viewer</c>. Empty: values are our role names as they are. Values not mapped are ignored.
    /// </summary>
    public Dictionary<string, string> RoleMap { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Tolerated clock difference when checking <c>exp</c> and <c>nbf</c>, in seconds (0-600).</summary>
    public int ClockSkewSeconds { get; set; } = DefaultClockSkewSeconds;

    /// <summary>
    /// How long an admitted token's validation is remembered, in seconds (0-3600, 0: validate every call), and never past
    /// the token's own <c>exp</c>. Validating a signature costs far more than the rest of a call; a signing key withdrawn
    /// by the provider stops admitting its cached tokens within this time.
    /// </summary>
    public int ValidationCacheSeconds { get; set; } = DefaultValidationCacheSeconds;

    /// <summary>Whether explicit keys are configured (rather than discovery).</summary>
    public bool HasExplicitKeys => !string.IsNullOrWhiteSpace(SymmetricKey) || !string.IsNullOrWhiteSpace(PublicKeyPem);
}
