using Grpc.Core;
using Microsoft.IdentityModel.Tokens;

namespace IcpExperiments.Server.Security.Jwt;

/// <summary>
/// Names why a token was refused, coarsely (expired, wrong audience…) for the client and the audit trail; never the token
/// or the validator's full message. A provider whose signing keys cannot be fetched is UNAVAILABLE (worth a retry), not
/// the caller's fault.
/// </summary>
public static class JwtFailures
{
    public const string InvalidSignature = "JWT signature missing, tampered or by an unknown key";

    public static JwtAuthentication Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => Unauthenticated("expired JWT"),
        SecurityTokenNotYetValidException => Unauthenticated("JWT not valid yet"),
        SecurityTokenNoExpirationException => Unauthenticated("JWT without expiry"),
        SecurityTokenInvalidAudienceException => Unauthenticated("JWT for another audience"),
        SecurityTokenInvalidIssuerException => Unauthenticated("JWT from another issuer"),
        SecurityTokenInvalidAlgorithmException => Unauthenticated("JWT algorithm not accepted"),
        // Also an unknown key: without a 'kid', a wrong key and a tampered token cannot be told apart.
        SecurityTokenInvalidSignatureException => Unauthenticated(InvalidSignature),

        // Segments that do not decode (base64url, JSON) surface as a plain ArgumentException.
        SecurityTokenMalformedException or ArgumentException => Unauthenticated("malformed JWT"),
        _ when IsUnreachableProvider(failure) => JwtAuthentication.Refuse(StatusCode.Unavailable, "JWT signing keys unavailable"),
        _ => Unauthenticated("invalid JWT"),
    };

    private static JwtAuthentication Unauthenticated(string reason) => JwtAuthentication.Refuse(StatusCode.Unauthenticated, reason);

    // Discovery failures surface as InvalidOperationException (IDX20803) around the HTTP or I/O error that caused them.
    private static bool IsUnreachableProvider(Exception? failure)
    {
        for (var inner = failure; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException or IOException or TaskCanceledException) return true;
        }

        return false;
    }
}
