using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Storage.Security;

/// <summary>API keys, stored by the hash of their secret.</summary>
public interface IApiKeyStore
{
    /// <summary>The key whose secret hashes to <paramref name="secretHash"/> (revoked or not), or null.</summary>
    Task<ApiKeyRecord?> FindByHashAsync(byte[] secretHash, CancellationToken cancellationToken);

    /// <summary>The key with this id, or null.</summary>
    Task<ApiKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>Whether any key exists (revoked ones included).</summary>
    Task<bool> AnyAsync(CancellationToken cancellationToken);

    /// <summary>Stores a new key; AlreadyExistsException (API_KEY_ALREADY_EXISTS) when the id is taken.</summary>
    Task<ApiKeyRecord> CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    /// <summary>Replaces the secret hash of an existing key (bootstrap key rotated through configuration).</summary>
    Task ReplaceSecretHashAsync(string keyId, byte[] secretHash, CancellationToken cancellationToken);

    /// <summary>Marks the key revoked at <paramref name="now"/> (idempotent: keeps the first time); NotFoundException when absent.</summary>
    Task<ApiKeyRecord> RevokeAsync(string keyId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Keys by id, of one team or of all teams (null).</summary>
    Task<Page<ApiKeyRecord>> ListAsync(TeamId? team, PageRequest page, CancellationToken cancellationToken);
}
