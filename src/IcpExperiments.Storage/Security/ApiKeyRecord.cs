using IcpExperiments.Core.Teams;

namespace IcpExperiments.Storage.Security;

/// <summary>
/// A stored API key: its public id, the team it acts for, its role names, and the SHA-256 hash of the full key
/// (the key itself is shown once, at creation, and never stored).
/// </summary>
public sealed record ApiKeyRecord(
    string KeyId,
    TeamId Team,
    string DisplayName,
    IReadOnlyList<string> Roles,
    byte[] SecretHash,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
