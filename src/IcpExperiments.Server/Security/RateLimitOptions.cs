using System.ComponentModel.DataAnnotations;

namespace IcpExperiments.Server.Security;

/// <summary>
/// Per-key rate limit, section <c>IcpExperiments:RateLimit</c>: a token bucket per API key that refills
/// <see cref="PermitsPerSecond"/> tokens each second up to <see cref="Burst"/>; one call (a whole stream counts once)
/// takes one token. Open methods (health, reflection) are not limited.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "IcpExperiments:RateLimit";
    public const int DefaultPermitsPerSecond = 500;
    public const int DefaultBurst = 1_000;

    /// <summary>Calls per second per key, sustained (0-1,000,000; 0 turns the limit off).</summary>
    [Range(0, 1_000_000)]
    public int PermitsPerSecond { get; set; } = DefaultPermitsPerSecond;

    /// <summary>Calls a key may make at once after being idle (1-1,000,000).</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = DefaultBurst;
}
