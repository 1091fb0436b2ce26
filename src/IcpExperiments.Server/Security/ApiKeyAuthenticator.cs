using System.Buffers.Binary;
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
    private readonly ConcurrentDictionary<KeyHash, CachedKey> cache = new();

    // Bumped by Forget: a lookup that started before a revocation must not put its stale answer back in the cache.
    private long generation;

    /// <summary>The key's caller and roles, or null when the key is unknown or revoked.</summary>
    public async ValueTask<AuthenticatedKey?> AuthenticateAsync(string key, CancellationToken cancellationToken)
    {
        var hash = KeyHash.Of(key);
        var record = await LookupAsync(hash, cancellationToken);
        if (record is null || record.IsRevoked || !hash.FixedTimeEquals(record.SecretHash)) return null;
        return new AuthenticatedKey(new Caller(record.Team, record.KeyId), record.Roles);
    }

    /// <summary>Who a refused key belonged to when it is known but revoked (for the audit of refused calls); null otherwise.</summary>
    public async ValueTask<Caller?> FindRevokedAsync(string key, CancellationToken cancellationToken)
    {
        var hash = KeyHash.Of(key);
        var record = await LookupAsync(hash, cancellationToken);
        return record is { IsRevoked: true } && hash.FixedTimeEquals(record.SecretHash) ? new Caller(record.Team, record.KeyId) : null;
    }

    private async ValueTask<ApiKeyRecord?> LookupAsync(KeyHash hash, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!cache.TryGetValue(hash, out var cached) || cached.ExpiresAt <= now)
        {
            var lookedUpIn = Interlocked.Read(ref generation);
            cached = new CachedKey(await FindAsync(hash.ToArray(), cancellationToken), now.AddSeconds(options.Value.KeyCacheSeconds));
            if (options.Value.KeyCacheSeconds > 0 && Interlocked.Read(ref generation) == lookedUpIn)
            {
                if (cache.Count >= MaxCachedKeys) cache.Clear();
                cache[hash] = cached;
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

    /// <summary>
    /// A key's SHA-256 (<see cref="ApiKeySecrets.Hash(string)"/>) as a value: computed on the stack and used as the cache's key
    /// as it is, where a hex string of it, the key's UTF-8 bytes and the hash array were three allocations per call.
    /// </summary>
    private readonly record struct KeyHash(UInt128 High, UInt128 Low)
    {
        public static KeyHash Of(string key)
        {
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            ApiKeySecrets.Hash(key, hash);
            return new KeyHash(BinaryPrimitives.ReadUInt128BigEndian(hash), BinaryPrimitives.ReadUInt128BigEndian(hash[16..]));
        }

        public byte[] ToArray()
        {
            var bytes = new byte[SHA256.HashSizeInBytes];
            Write(bytes);
            return bytes;
        }

        /// <summary>Compares with a stored hash in time that does not depend on where they differ.</summary>
        public bool FixedTimeEquals(byte[] stored)
        {
            Span<byte> mine = stackalloc byte[SHA256.HashSizeInBytes];
            Write(mine);
            return CryptographicOperations.FixedTimeEquals(stored, mine);
        }

        private void Write(Span<byte> destination)
        {
            BinaryPrimitives.WriteUInt128BigEndian(destination, High);
            BinaryPrimitives.WriteUInt128BigEndian(destination[16..], Low);
        }
    }
}
