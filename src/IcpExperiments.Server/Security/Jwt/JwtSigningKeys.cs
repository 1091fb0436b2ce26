using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace IcpExperiments.Server.Security.Jwt;

/// <summary>The explicitly configured signing keys of <see cref="JwtOptions"/>, built in one place for validation and use.</summary>
public static class JwtSigningKeys
{
    /// <summary>HMAC-SHA256 needs a key at least as long as its output (RFC 7518 §3.2).</summary>
    public const int MinSymmetricKeyBytes = 32;

    /// <summary>The HMAC key from base64; throws FormatException when it is not base64 or shorter than 32 bytes.</summary>
    public static SymmetricSecurityKey Symmetric(string base64)
    {
        var bytes = Convert.FromBase64String(base64.Trim());
        return bytes.Length >= MinSymmetricKeyBytes
            ? new SymmetricSecurityKey(bytes)
            : throw new FormatException($"the key has {bytes.Length} bytes; at least {MinSymmetricKeyBytes} are needed.");
    }

    /// <summary>The RSA or EC public key of a PEM text; throws CryptographicException or ArgumentException when it holds neither.</summary>
    public static AsymmetricSecurityKey Public(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa);
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
        }

        // Not RSA: an EC key, or an error naming what is wrong with the text.
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
            return new ECDsaSecurityKey(ecdsa);
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }

    /// <summary>Every explicitly configured key (none with discovery).</summary>
    public static IReadOnlyList<SecurityKey> From(JwtOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var keys = new List<SecurityKey>(2);
        if (!string.IsNullOrWhiteSpace(options.SymmetricKey)) keys.Add(Symmetric(options.SymmetricKey));
        if (!string.IsNullOrWhiteSpace(options.PublicKeyPem)) keys.Add(Public(options.PublicKeyPem));
        return keys;
    }
}
