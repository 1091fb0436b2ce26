using System.Security.Cryptography;
using System.Text;

namespace IcpExperiments.Server.Security;

/// <summary>
/// How keys are made and recognised. A generated key is <c>icpx_{key id}_{secret}</c> with 256 random bits of
/// secret from the OS generator (never a seeded one: keys must be unguessable). Only the SHA-256 of the whole key is
/// stored; a fast hash is enough because the input has full entropy, so there is nothing to brute-force.
/// </summary>
public static class ApiKeySecrets
{
    public const string Prefix = "icpx_";
    public const int KeyIdLength = 12;
    public const int MaxKeyLength = 512;

    /// <summary>A fresh key id, 12 characters of [a-z0-9].</summary>
    public static string NewKeyId() => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", KeyIdLength);

    /// <summary>A fresh key that shows <paramref name="keyId"/> to whoever holds it.</summary>
    public static string NewKey(string keyId) =>
        $"{Prefix}{keyId}_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";

    /// <summary>The stored form of a key.</summary>
    public static byte[] Hash(string key)
    {
        var hash = new byte[SHA256.HashSizeInBytes];
        Hash(key, hash);
        return hash;
    }

    /// <summary>The stored form of a key, written to <paramref name="destination"/> (32 bytes) without allocating.</summary>
    public static void Hash(string key, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(key);
        int length = Encoding.UTF8.GetByteCount(key);
        byte[]? rented = length > 1024 ? System.Buffers.ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> utf8 = rented ?? stackalloc byte[1024];
            int written = Encoding.UTF8.GetBytes(key, utf8);
            SHA256.HashData(utf8[..written], destination);
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The key in an <c>authorization: Bearer {key}</c> header value, or null when the value is not one.</summary>
    public static string? FromAuthorizationHeader(string? value)
    {
        const string scheme = "Bearer ";
        if (value is null || !value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return null;
        var key = value[scheme.Length..].Trim();
        return key.Length is > 0 and <= MaxKeyLength ? key : null;
    }
}
