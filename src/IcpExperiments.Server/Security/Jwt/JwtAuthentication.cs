using Grpc.Core;

namespace IcpExperiments.Server.Security.Jwt;

/// <summary>
/// What a presented JWT amounts to: an admitted caller with roles, or a refusal with its status, the reason recorded in
/// the audit trail and (when the token was genuine) who was refused.
/// </summary>
public sealed record JwtAuthentication(AuthenticatedKey? Admitted, StatusCode Code, string Reason, Caller? Refused)
{
    /// <summary>The ErrorInfo reason of a refusal: UNAUTHENTICATED like a bad API key, or what the token lacks, or an unreachable provider.</summary>
    public string ErrorReason => Code switch
    {
        StatusCode.PermissionDenied => "JWT_CLAIMS_REQUIRED",
        StatusCode.Unavailable => "JWT_KEYS_UNAVAILABLE",
        _ => "UNAUTHENTICATED",
    };

    public static JwtAuthentication Admit(AuthenticatedKey caller) => new(caller, StatusCode.OK, "", null);

    public static JwtAuthentication Refuse(StatusCode code, string reason, Caller? refused = null) => new(null, code, reason, refused);
}
