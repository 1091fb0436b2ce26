using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace IcpExperiments.Server.Security.Jwt;

/// <summary>Refuses JWT settings the server cannot authenticate with, naming the setting, so a typo stops start-up instead of locking dashboards out.</summary>
public sealed class JwtOptionsValidator : IValidateOptions<JwtOptions>
{
    private const string Section = JwtOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        var hasAuthority = !string.IsNullOrWhiteSpace(options.Authority);
        if (hasAuthority == options.HasExplicitKeys)
            failures.Add($"{Section}:Authority (OpenID Connect discovery) or {Section}:SymmetricKey / {Section}:PublicKeyPem (explicit keys) must be set, not both.");
        if (hasAuthority && !IsAuthority(options.Authority!, options.RequireHttpsMetadata))
            failures.Add($"{Section}:Authority must be an absolute {(options.RequireHttpsMetadata ? "https" : "http(s)")} URL (set {Section}:RequireHttpsMetadata=false only for a provider reached over plain http).");
        CheckKey(failures, "SymmetricKey", options.SymmetricKey, JwtSigningKeys.Symmetric);
        CheckKey(failures, "PublicKeyPem", options.PublicKeyPem, JwtSigningKeys.Public);
        if (options.HasExplicitKeys && string.IsNullOrWhiteSpace(options.Issuer))
            failures.Add($"{Section}:Issuer must be set with explicit keys (the 'iss' every token must carry).");
        if (string.IsNullOrWhiteSpace(options.Audience))
            failures.Add($"{Section}:Audience must be set (the 'aud' every token must carry: this service's id at the provider).");
        if (string.IsNullOrWhiteSpace(options.TeamClaim))
            failures.Add($"{Section}:TeamClaim must name a claim (default '{JwtOptions.DefaultTeamClaim}').");
        if (string.IsNullOrWhiteSpace(options.RolesClaim))
            failures.Add($"{Section}:RolesClaim must name a claim (default '{JwtOptions.DefaultRolesClaim}').");
        foreach (var (value, role) in options.RoleMap.Where(m => !Roles.All.Contains(m.Value, StringComparer.Ordinal)))
            failures.Add($"{Section}:RoleMap:{value} maps to '{role}', which is not one of {string.Join(", ", Roles.All)}.");
        if (options.ClockSkewSeconds is < 0 or > JwtOptions.MaxClockSkewSeconds)
            failures.Add($"{Section}:ClockSkewSeconds must be in [0, {JwtOptions.MaxClockSkewSeconds}].");
        if (options.ValidationCacheSeconds is < 0 or > JwtOptions.MaxValidationCacheSeconds)
            failures.Add($"{Section}:ValidationCacheSeconds must be in [0, {JwtOptions.MaxValidationCacheSeconds}].");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAuthority(string value, bool requireHttps) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (!requireHttps && uri.Scheme == Uri.UriSchemeHttp));

    private static void CheckKey<T>(List<string> failures, string setting, string? value, Func<string, T> parse)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        try
        {
            parse(value);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or CryptographicException)
        {
            failures.Add($"{Section}:{setting} is not a usable key: {exception.Message}");
        }
    }
}
