using System.Globalization;
using Grpc.Core;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Security;
using Microsoft.Extensions.Options;

namespace IcpExperiments.Server.Security.Audit;

/// <summary>
/// Records refused calls in the audit trail: the key id and team when the key is known (revoked, or lacking a role),
/// otherwise team <see cref="UnknownTeam"/> and actor <c>sha256:</c> + the first 12 hex digits of the presented key's
/// SHA-256 (enough to tell repeated attempts apart, never the key itself; <c>none</c> when no key was sent). Writes are
/// capped at <see cref="AuthOptions.FailedAuthenticationAuditsPerMinute"/>; the rest are counted (<see cref="Refused"/>,
/// a warning log per minute) and the next entry's detail says how many were left out.
/// </summary>
public sealed partial class FailedAuthenticationAudit(AuditTrail trail, TimeProvider time, IOptions<AuthOptions> options, ILogger<FailedAuthenticationAudit> logger)
{
    /// <summary>The team entries of unknown or missing keys are filed under.</summary>
    public const string UnknownTeam = "unauthenticated";

    public const int CredentialDigits = 12;

    private readonly AuditAllowance allowance = new(options.Value.FailedAuthenticationAuditsPerMinute, time);
    private long refused;
    private long notAudited;
    private DateTimeOffset lastWarning = DateTimeOffset.MinValue;

    /// <summary>Refused calls since start, audited or not.</summary>
    public long Refused => Interlocked.Read(ref refused);

    /// <summary>The actor recorded for a key that matched no stored key.</summary>
    public static string ActorOf(string? presentedKey) =>
        presentedKey is null ? "none" : "sha256:" + Convert.ToHexStringLower(ApiKeySecrets.Hash(presentedKey))[..CredentialDigits];

    public async ValueTask RecordAsync(string method, string? presentedKey, Caller? knownKey, StatusCode code, string reason)
    {
        Interlocked.Increment(ref refused);
        if (!allowance.TryTake(out var leftOut))
        {
            WarnNowAndThen(Interlocked.Increment(ref notAudited));
            return;
        }

        var detail = leftOut == 0 ? reason : string.Create(CultureInfo.InvariantCulture, $"{reason}; {leftOut} earlier refused calls not audited (rate limit)");
        var entry = new AuditRecord(0, knownKey?.Team ?? new TeamId(UnknownTeam), knownKey?.ActorId ?? ActorOf(presentedKey), method, "",
            AuditInterceptor.CodeName(code), detail, time.GetUtcNow());
        await trail.RecordAsync(entry, CancellationToken.None);
    }

    /// <summary>One warning per minute at most, with the running count of refused calls the audit trail left out.</summary>
    private void WarnNowAndThen(long total)
    {
        var now = time.GetUtcNow();
        lock (allowance)
        {
            if (now - lastWarning < TimeSpan.FromMinutes(1)) return;
            lastWarning = now;
        }

        LogNotAudited(logger, total);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused calls beyond the audit rate limit: {Total} not written to the audit trail since start.")]
    private static partial void LogNotAudited(ILogger logger, long total);
}
