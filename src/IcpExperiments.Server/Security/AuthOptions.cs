using System.ComponentModel.DataAnnotations;

namespace IcpExperiments.Server.Security;

/// <summary>Authentication settings, section <c>IcpExperiments:Auth</c> (environment: <c>IcpExperiments__Auth__BootstrapAdminKey</c>).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "IcpExperiments:Auth";
    public const string BootstrapKeyId = "bootstrap";
    public const string BootstrapKeyFileName = "bootstrap-admin.key";
    public const int DefaultKeyCacheSeconds = 10;

    /// <summary>
    /// An admin key for team <c>default</c>, stored (as its hash) under key id <c>bootstrap</c> at start-up; changing it
    /// here replaces the stored one. At least 32 characters. When empty and the database holds no key at all, the
    /// server generates one and writes it to <see cref="BootstrapKeyFileName"/> beside the database.
    /// </summary>
    [MinLength(32)]
    [MaxLength(ApiKeySecrets.MaxKeyLength)]
    public string? BootstrapAdminKey { get; set; }

    /// <summary>
    /// How long a looked-up key is remembered, in seconds (0-300; 0 looks every call up). Revocation through this
    /// server takes effect at once; on other replicas sharing the database it takes effect within this time.
    /// </summary>
    [Range(0, 300)]
    public int KeyCacheSeconds { get; set; } = DefaultKeyCacheSeconds;

    public const int DefaultFailedAuthenticationAuditsPerMinute = 60;

    /// <summary>
    /// Refused calls (no, unknown or revoked key; a role missing) written to the audit trail per minute (0-10,000; 0
    /// writes none). Beyond it they are only counted, and the next entry says how many were left out, so a flood of
    /// bad keys cannot fill the disk.
    /// </summary>
    [Range(0, 10_000)]
    public int FailedAuthenticationAuditsPerMinute { get; set; } = DefaultFailedAuthenticationAuditsPerMinute;
}
