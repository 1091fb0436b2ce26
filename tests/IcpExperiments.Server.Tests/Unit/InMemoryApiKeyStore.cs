using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Security;

namespace IcpExperiments.Server.Tests.Unit;

/// <summary>API keys in a list, counting hash lookups, for testing the authenticator's cache without a database.</summary>
public sealed class InMemoryApiKeyStore : IApiKeyStore
{
    private readonly List<ApiKeyRecord> keys = [];

    public int HashLookups { get; private set; }

    public Task<ApiKeyRecord?> FindByHashAsync(byte[] secretHash, CancellationToken cancellationToken)
    {
        HashLookups++;
        return Task.FromResult(keys.SingleOrDefault(k => k.SecretHash.AsSpan().SequenceEqual(secretHash)));
    }

    public Task<ApiKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken) => Task.FromResult(keys.SingleOrDefault(k => k.KeyId == keyId));

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => Task.FromResult(keys.Count > 0);

    public Task<ApiKeyRecord> CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        keys.Add(key);
        return Task.FromResult(key);
    }

    public async Task ReplaceSecretHashAsync(string keyId, byte[] secretHash, CancellationToken cancellationToken) =>
        Replace((await FindAsync(keyId, cancellationToken))! with { SecretHash = secretHash });

    public async Task<ApiKeyRecord> RevokeAsync(string keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = (await FindAsync(keyId, cancellationToken))!;
        return Replace(key.IsRevoked ? key : key with { RevokedAt = now });
    }

    public Task<Page<ApiKeyRecord>> ListAsync(TeamId? team, PageRequest page, CancellationToken cancellationToken) =>
        Task.FromResult(new Page<ApiKeyRecord>(keys.Where(k => team is null || k.Team == team).OrderBy(k => k.KeyId, StringComparer.Ordinal).ToList(), null));

    private ApiKeyRecord Replace(ApiKeyRecord key)
    {
        keys[keys.FindIndex(k => k.KeyId == key.KeyId)] = key;
        return key;
    }
}
