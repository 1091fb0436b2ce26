using IcpExperiments.Core.Errors;

namespace IcpExperiments.Core.Enrolments;

/// <summary>Field rules of an enrolment (ids, arm key, attributes ranges, dates).</summary>
public static class EnrolmentValidator
{
    public static IReadOnlyList<FieldViolation> Validate(Enrolment enrolment, string prefix) => throw new NotImplementedException("core helper implements this");
}
