using Grpc.Core;
using IcpExperiments.Server.Errors;
using IcpExperiments.Server.Security.Audit;
using IcpExperiments.Server.Security.Jwt;

namespace IcpExperiments.Server.Security;

/// <summary>
/// Authenticates and authorizes every call against <see cref="RpcPolicyTable"/>: a method without an entry is
/// PERMISSION_DENIED, a missing, unknown or revoked key UNAUTHENTICATED, a key without a role the method needs
/// PERMISSION_DENIED. An admitted call carries its <see cref="Caller"/> (see <see cref="CallerExtensions.GetCaller"/>);
/// a refused one is recorded by <see cref="FailedAuthenticationAudit"/>. When JWTs are enabled, a bearer value shaped like
/// one is validated by <see cref="JwtAuthenticator"/> instead, and its caller then meets the same policy.
/// </summary>
public sealed class AuthenticationInterceptor(ApiKeyAuthenticator authenticator, JwtAuthenticator jwt, FailedAuthenticationAudit failures) : AdmissionInterceptor
{
    protected override async ValueTask AdmitAsync(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var policy = RpcPolicyTable.Find(context.Method)
            ?? throw RpcErrors.Plain(StatusCode.PermissionDenied, "METHOD_NOT_ALLOWED", $"{context.Method} is not open to any caller.");
        if (policy.IsOpen) return;

        var authorization = AuthorizationHeader(context);
        if (jwt.IsEnabled && JwtBearerToken.Find(authorization) is { } token)
        {
            await AdmitTokenAsync(context, policy, token);
            return;
        }

        var key = ApiKeySecrets.FromAuthorizationHeader(authorization);
        var authenticated = key is null ? null : await authenticator.AuthenticateAsync(key, context.CancellationToken);
        if (authenticated is null)
        {
            var revoked = key is null ? null : await authenticator.FindRevokedAsync(key, context.CancellationToken);
            await failures.RecordAsync(context.Method, key, revoked, StatusCode.Unauthenticated,
                key is null ? "no API key" : revoked is null ? "unknown API key" : "revoked API key");
            throw RpcErrors.Plain(StatusCode.Unauthenticated, "UNAUTHENTICATED",
                "A valid API key is required: send `authorization: Bearer <key>` (an unknown or revoked key is refused).");
        }

        await AuthorizeAsync(context, policy, key, authenticated);
    }

    /// <summary>
    /// The authorization header, read from the HTTP request: <see cref="ServerCallContext.RequestHeaders"/> builds the
    /// call's whole metadata on first use (every header name lower-cased into a new string), and nothing else on a
    /// write's path reads it. A repeated header is left to the metadata, which has always decided that case.
    /// </summary>
    private static string? AuthorizationHeader(ServerCallContext context)
    {
        var values = context.GetHttpContext().Request.Headers.Authorization;
        if (values.Count > 1) return context.RequestHeaders.GetValue("authorization");
        return values.Count == 1 ? values[0] : null;
    }

    private async Task AdmitTokenAsync(ServerCallContext context, RpcPolicy policy, string token)
    {
        var result = await jwt.AuthenticateAsync(context, token);
        if (result.Admitted is null)
        {
            await failures.RecordAsync(context.Method, token, result.Refused, result.Code, result.Reason);
            throw RpcErrors.Plain(result.Code, result.ErrorReason, $"The bearer token was refused: {result.Reason}.");
        }

        await AuthorizeAsync(context, policy, token, result.Admitted);
    }

    /// <summary>Admits an authenticated caller holding a role the method needs; refuses (and audits) it otherwise.</summary>
    private async ValueTask AuthorizeAsync(ServerCallContext context, RpcPolicy policy, string? presented, AuthenticatedKey authenticated)
    {
        if (!policy.Allows(authenticated.Roles))
        {
            await failures.RecordAsync(context.Method, presented, authenticated.Caller, StatusCode.PermissionDenied, "role required");
            throw RpcErrors.Plain(StatusCode.PermissionDenied, "ROLE_REQUIRED",
                $"Key '{authenticated.Caller.ActorId}' lacks a role {context.Method} requires (one of: {string.Join(", ", policy.Roles.Order(StringComparer.Ordinal))}).");
        }

        context.SetCaller(authenticated.Caller);
    }
}
