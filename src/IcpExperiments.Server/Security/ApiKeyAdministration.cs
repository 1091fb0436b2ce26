using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Security;

namespace IcpExperiments.Server.Security;

/// <summary>The key use cases behind AdminService: create (the key is returned once), revoke (effective at once), list.</summary>
public sealed class ApiKeyAdministration(IApiKeyStore keys, ApiKeyAuthenticator authenticator, TimeProvider time)
{
    /// <summary>Creates a key for <paramref name="team"/>; returns the stored record and the key itself.</summary>
    public async Task<(ApiKeyRecord Record, string Key)> CreateAsync(
        Caller creator, TeamId team, string displayName, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(creator);
        var keyId = ApiKeySecrets.NewKeyId();
        var key = ApiKeySecrets.NewKey(keyId);
        var record = new ApiKeyRecord(keyId, team, displayName, roles, ApiKeySecrets.Hash(key), creator.ActorId, time.GetUtcNow(), null);
        return (await keys.CreateAsync(record, cancellationToken), key);
    }

    public async Task<ApiKeyRecord> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        var revoked = await keys.RevokeAsync(keyId, time.GetUtcNow(), cancellationToken);
        authenticator.Forget(keyId);
        return revoked;
    }

    public Task<Page<ApiKeyRecord>> ListAsync(TeamId? team, PageRequest page, CancellationToken cancellationToken) =>
        keys.ListAsync(team, page, cancellationToken);
}
