using System.Collections.Concurrent;
using System.Security.Cryptography;
using IcpExperiments.Storage.Security;
using Microsoft.Extensions.Options;

namespace IcpExperiments.Server.Security;

/// <summary>
/// Turns a presented key into its caller, looking the key's hash up in storage and remembering the answer (found or
/// not) for <see cref="AuthOptions.KeyCacheSeconds"/>. <see cref="Forget"/> drops a key at once (revocation).
/// </summary>
public sealed class ApiKeyAuthenticator(IServiceScopeFactory scopes, TimeProvider time, IOptions<AuthOptions> options)
{
    // Unknown keys are remembered too (so garbage keys cost no query each); the bound keeps a flood of them from growing memory.
    private const int MaxCachedKeys = 10_000;
    private readonly ConcurrentDictionary<string, CachedKey> cache = new(StringComparer.Ordinal);

    // Bumped by Forget: a lookup that started before a revocation must not put its stale answer back in the cache.
    private long generation;

    /// <summary>The key's caller and roles, or null when the key is unknown or revoked.</summary>
    public async ValueTask<AuthenticatedKey?> AuthenticateAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecrets.Hash(key);
        var record = await LookupAsync(hash, cancellationToken);
        if (record is null || record.IsRevoked || !CryptographicOperations.FixedTimeEquals(record.SecretHash, hash)) return null;
        return new AuthenticatedKey(new Caller(record.Team, record.KeyId), record.Roles);
    }

    /// <summary>Who a refused key belonged to when it is known but revoked (for the audit of refused calls); null otherwise.</summary>
    public async ValueTask<Caller?> FindRevokedAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecrets.Hash(key);
        var record = await LookupAsync(hash, cancellationToken);
        return record is { IsRevoked: true } && CryptographicOperations.FixedTimeEquals(record.SecretHash, hash) ? new Caller(record.Team, record.KeyId) : null;
    }

    private async ValueTask<ApiKeyRecord?> LookupAsync(byte[] hash, CancellationToken cancellationToken)
    {
        var cacheKey = Convert.ToHexString(hash);
        var now = time.GetUtcNow();
        if (!cache.TryGetValue(cacheKey, out var cached) || cached.ExpiresAt <= now)
        {
            var lookedUpIn = Interlocked.Read(ref generation);
            cached = new CachedKey(await FindAsync(hash, cancellationToken), now.AddSeconds(options.Value.KeyCacheSeconds));
            if (options.Value.KeyCacheSeconds > 0 && Interlocked.Read(ref generation) == lookedUpIn)
            {
                if (cache.Count >= MaxCachedKeys) cache.Clear();
                cache[cacheKey] = cached;
            }
        }

        return cached.Record;
    }

    /// <summary>Drops every remembered lookup of the key, so its next use reads storage (called when a key is revoked or replaced).</summary>
    public void Forget(string keyId)
    {
        Interlocked.Increment(ref generation);
        foreach (var entry in cache.Where(e => e.Value.Record?.KeyId == keyId))
            cache.TryRemove(entry);
    }

    private async Task<ApiKeyRecord?> FindAsync(byte[] hash, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IApiKeyStore>().FindByHashAsync(hash, cancellationToken);
    }

    private sealed record CachedKey(ApiKeyRecord? Record, DateTimeOffset ExpiresAt);
}
