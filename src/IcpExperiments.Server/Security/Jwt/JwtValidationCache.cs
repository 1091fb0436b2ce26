using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace IcpExperiments.Server.Security.Jwt;

/// <summary>
/// Admitted tokens, remembered until the earlier of their <c>exp</c> and <see cref="JwtOptions.ValidationCacheSeconds"/>
/// from validation, so a dashboard's calls do not each verify a signature. Tokens are held by their SHA-256 (never the
/// bearer value itself); refusals are not remembered, so a token that failed is validated again on its next use.
/// </summary>
public sealed class JwtValidationCache(TimeProvider time, TimeSpan lifetime)
{
    /// <summary>Bound on remembered tokens: when full the cache starts over, so a flood of distinct tokens cannot grow memory.</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>The remembered admission of <paramref name="token"/>, if it is still valid; null otherwise.</summary>
    public JwtAuthentication? Find(string token)
    {
        if (lifetime <= TimeSpan.Zero) return null;
        var key = KeyOf(token);
        if (!entries.TryGetValue(key, out var entry)) return null;
        if (entry.ExpiresAt > time.GetUtcNow()) return entry.Admission;
        entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        return null;
    }

    /// <summary>Remembers an admission of <paramref name="token"/>, which itself expires at <paramref name="tokenExpiresAt"/>.</summary>
    public void Remember(string token, JwtAuthentication admission, DateTimeOffset? tokenExpiresAt)
    {
        ArgumentNullException.ThrowIfNull(admission);
        if (lifetime <= TimeSpan.Zero || admission.Admitted is null) return;
        var now = time.GetUtcNow();
        var expiresAt = now + lifetime;
        if (tokenExpiresAt is { } exp && exp < expiresAt) expiresAt = exp;
        if (expiresAt <= now) return;
        if (entries.Count >= MaxEntries) entries.Clear();
        entries[KeyOf(token)] = new Entry(admission, expiresAt);
    }

    private static string KeyOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private sealed record Entry(JwtAuthentication Admission, DateTimeOffset ExpiresAt);
}
