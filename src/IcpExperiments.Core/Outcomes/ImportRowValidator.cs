using IcpExperiments.Core.Enrolments;

namespace IcpExperiments.Core.Outcomes;

/// <summary>Field rules of one bulk row; the first violation becomes the row's rejection.</summary>
public static class ImportRowValidator
{
    /// <summary>A row with neither or both of an enrolment and an outcome.</summary>
    public const string MalformedRowReason = "MALFORMED_ROW";

    /// <summary>A row whose enrolment or outcome breaks a field rule; the rejection names the field.</summary>
    public const string InvalidRowReason = "INVALID_ROW";

    public static RowRejection? Validate(ImportRow row, int index, DateTimeOffset now)
    {
        var violations = row switch
        {
            { Enrolment: { } enrolment, Outcome: null } => EnrolmentValidator.Validate(enrolment, "enrolment", now),
            { Enrolment: null, Outcome: { } outcome } => OutcomeValidator.Validate(outcome, "outcome", now),
            _ => null,
        };
        if (violations is null)
            return new RowRejection(index, MalformedRowReason, string.Empty, "a row must hold exactly one of an enrolment or an outcome.");
        return violations.Count == 0 ? null : new RowRejection(index, InvalidRowReason, violations[0].Field, violations[0].Description);
    }
}
