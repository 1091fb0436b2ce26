namespace IcpExperiments.Server.Security.Jwt;

/// <summary>
/// Tells a JWT from an API key by shape alone, before any validation: three base64url segments separated by dots, the
/// first (the header) starting <c>ey</c> (base64url of <c>{"</c>); the signature may be empty (an unsigned token, which
/// validation then refuses). API keys (<c>icpx_…</c>) never have that shape, so they go to the key path at the cost of
/// one character comparison.
/// </summary>
public static class JwtBearerToken
{
    /// <summary>Longer than any API key: provider tokens with many groups run to a few KB.</summary>
    public const int MaxTokenLength = 16 * 1024;

    private const string Scheme = "Bearer ";

    /// <summary>The token in an <c>authorization: Bearer {token}</c> value when it is shaped like a JWT; null otherwise.</summary>
    public static string? Find(string? authorization)
    {
        if (authorization is null || authorization.Length <= Scheme.Length + 2 || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)) return null;
        var token = authorization.AsSpan(Scheme.Length).Trim();
        return IsShapedLikeJwt(token) ? token.ToString() : null;
    }

    /// <summary>Whether <paramref name="token"/> is header.payload.signature in base64url with a JSON header.</summary>
    public static bool IsShapedLikeJwt(ReadOnlySpan<char> token)
    {
        if (token.Length is < 5 or > MaxTokenLength || token[0] != 'e' || token[1] != 'y') return false;
        var dots = 0;
        var segmentLength = 0;
        foreach (var c in token)
        {
            if (c == '.')
            {
                // Header and payload must not be empty; only the signature may be.
                if (segmentLength == 0 || ++dots > 2) return false;
                segmentLength = 0;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            {
                segmentLength++;
            }
            else
            {
                return false;
            }
        }

        return dots == 2;
    }
}
