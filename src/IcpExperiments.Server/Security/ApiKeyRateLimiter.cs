using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace IcpExperiments.Server.Security;

/// <summary>One token bucket per API key id (see <see cref="RateLimitOptions"/>); immediate answers, no queueing.</summary>
public sealed class ApiKeyRateLimiter : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private readonly PartitionedRateLimiter<string>? limiter;

    public ApiKeyRateLimiter(IOptions<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (settings.PermitsPerSecond == 0) return;
        limiter = PartitionedRateLimiter.Create<string, string>(keyId => RateLimitPartition.GetTokenBucketLimiter(keyId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.Burst,
            TokensPerPeriod = settings.PermitsPerSecond,
            ReplenishmentPeriod = Period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Takes a token for <paramref name="keyId"/>: null when granted, else how long to wait before retrying.</summary>
    public TimeSpan? TryAcquire(string keyId)
    {
        if (limiter is null) return null;
        using var lease = limiter.AttemptAcquire(keyId);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : Period;
    }

    public void Dispose() => limiter?.Dispose();
}
