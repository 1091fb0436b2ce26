using IcpExperiments.Core.Errors;

namespace IcpExperiments.Core.Application;

/// <summary>Plausibility of instants sent by clients: not before 2000 (a default or garbled date) and not far in the future.</summary>
public static class InstantRules
{
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Clock skew tolerated between the client's CRM and this server.</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromDays(1);

    /// <summary>Violations of <paramref name="value"/>; the future bound is checked only when <paramref name="now"/> is given.</summary>
    public static IEnumerable<FieldViolation> Validate(DateTimeOffset value, string field, DateTimeOffset? now)
    {
        if (value == default) return [new FieldViolation(field, "is required.")];
        if (value < Earliest) return [new FieldViolation(field, $"must not be before {Earliest:yyyy-MM-dd} (got {value:O}).")];
        if (now is { } current && value > current + MaxFutureSkew)
            return [new FieldViolation(field, $"must not be more than {MaxFutureSkew.TotalHours:0} hours in the future (got {value:O}, now is {current:O}).")];
        return [];
    }
}
