namespace IcpExperiments.Server.Security.Audit;

/// <summary>
/// At most <c>perMinute</c> permits per fixed one-minute window (thread-safe). A refused permit is counted, and the
/// next permit granted hands over how many were refused since the previous one.
/// </summary>
public sealed class AuditAllowance(int perMinute, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Lock gate = new();
    private DateTimeOffset windowStart = DateTimeOffset.MinValue;
    private int granted;
    private long refusedSinceLastGrant;

    /// <summary>True when this event may be written; <paramref name="refusedBefore"/> is how many were refused since the last one that was.</summary>
    public bool TryTake(out long refusedBefore)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (now - windowStart >= Window)
            {
                windowStart = now;
                granted = 0;
            }

            if (granted < perMinute)
            {
                granted++;
                refusedBefore = refusedSinceLastGrant;
                refusedSinceLastGrant = 0;
                return true;
            }

            refusedSinceLastGrant++;
            refusedBefore = 0;
            return false;
        }
    }
}
