using Grpc.Core;
using IcpExperiments.Server.Errors;

namespace IcpExperiments.Server.Security;

/// <summary>Refuses a call whose key has used up its rate (RESOURCE_EXHAUSTED with a RetryInfo); runs after authentication.</summary>
public sealed class RateLimitInterceptor(ApiKeyRateLimiter limiter) : AdmissionInterceptor
{
    protected override ValueTask AdmitAsync(ServerCallContext context)
    {
        var caller = context.FindCaller();
        if (caller is null) return ValueTask.CompletedTask; // An open method: nothing to count against.
        var retryAfter = limiter.TryAcquire(caller.ActorId);
        return retryAfter is null
            ? ValueTask.CompletedTask
            : throw RpcErrors.RateLimited($"Key '{caller.ActorId}' exceeded its rate limit; retry after {retryAfter.Value.TotalSeconds:0.###} s.", retryAfter.Value);
    }
}
