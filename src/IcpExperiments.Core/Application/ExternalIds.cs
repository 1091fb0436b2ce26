using IcpExperiments.Core.Errors;

namespace IcpExperiments.Core.Application;

/// <summary>Ids chosen by the client's own systems (idempotency event ids, CRM account ids): looser than resource ids.</summary>
public static class ExternalIds
{
    public const int MaxLength = 128;

    /// <summary>Event ids: 1–128 printable ASCII characters (space to '~'), so they travel safely through CSV, logs and headers.</summary>
    public static IEnumerable<FieldViolation> ValidateEventId(string eventId, string field)
    {
        eventId ??= string.Empty;
        if (eventId.Length == 0) return [new FieldViolation(field, "is required.")];
        if (eventId.Length > MaxLength) return [new FieldViolation(field, $"must be at most {MaxLength} characters (got {eventId.Length}).")];
        return eventId.AsSpan().ContainsAnyExceptInRange(' ', '~')
            ? [new FieldViolation(field, "may contain only printable ASCII characters.")]
            : [];
    }

    /// <summary>Account ids: 1–128 characters, not blank, no control characters (CRM ids may be any script).</summary>
    public static IEnumerable<FieldViolation> ValidateAccountId(string accountId, string field)
    {
        accountId ??= string.Empty;
        if (string.IsNullOrWhiteSpace(accountId)) return [new FieldViolation(field, "is required.")];
        if (accountId.Length > MaxLength) return [new FieldViolation(field, $"must be at most {MaxLength} characters (got {accountId.Length}).")];
        foreach (char c in accountId)
        {
            if (char.IsControl(c)) return [new FieldViolation(field, "must not contain control characters.")];
        }

        return [];
    }
}
