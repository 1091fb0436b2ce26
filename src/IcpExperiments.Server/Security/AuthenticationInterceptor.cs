using Grpc.Core;
using IcpExperiments.Server.Errors;
using IcpExperiments.Server.Security.Audit;

namespace IcpExperiments.Server.Security;

/// <summary>
/// Authenticates and authorizes every call against <see cref="RpcPolicyTable"/>: a method without an entry is
/// PERMISSION_DENIED, a missing, unknown or revoked key UNAUTHENTICATED, a key without a role the method needs
/// PERMISSION_DENIED. An admitted call carries its <see cref="Caller"/> (see <see cref="CallerExtensions.GetCaller"/>);
/// a refused one is recorded by <see cref="FailedAuthenticationAudit"/>.
/// </summary>
public sealed class AuthenticationInterceptor(ApiKeyAuthenticator authenticator, FailedAuthenticationAudit failures) : AdmissionInterceptor
{
    protected override async ValueTask AdmitAsync(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var policy = RpcPolicyTable.Find(context.Method)
            ?? throw RpcErrors.Plain(StatusCode.PermissionDenied, "METHOD_NOT_ALLOWED", $"{context.Method} is not open to any caller.");
        if (policy.IsOpen) return;

        var key = ApiKeySecrets.FromAuthorizationHeader(context.RequestHeaders.GetValue("authorization"));
        var authenticated = key is null ? null : await authenticator.AuthenticateAsync(key, context.CancellationToken);
        if (authenticated is null)
        {
            var revoked = key is null ? null : await authenticator.FindRevokedAsync(key, context.CancellationToken);
            await failures.RecordAsync(context.Method, key, revoked, StatusCode.Unauthenticated,
                key is null ? "no API key" : revoked is null ? "unknown API key" : "revoked API key");
            throw RpcErrors.Plain(StatusCode.Unauthenticated, "UNAUTHENTICATED",
                "A valid API key is required: send `authorization: Bearer <key>` (an unknown or revoked key is refused).");
        }

        if (!policy.Allows(authenticated.Roles))
        {
            await failures.RecordAsync(context.Method, key, authenticated.Caller, StatusCode.PermissionDenied, "role required");
            throw RpcErrors.Plain(StatusCode.PermissionDenied, "ROLE_REQUIRED",
                $"Key '{authenticated.Caller.ActorId}' lacks a role {context.Method} requires (one of: {string.Join(", ", policy.Roles.Order(StringComparer.Ordinal))}).");
        }

        context.SetCaller(authenticated.Caller);
    }
}
