using IcpExperiments.Core.Errors;

namespace IcpExperiments.Core.Outcomes;

/// <summary>Field rules of an outcome event (ids, kind, ACV exactly when converted and ≥ 0, dates, cycle days).</summary>
public static class OutcomeValidator
{
    public static IReadOnlyList<FieldViolation> Validate(OutcomeEvent outcome, string prefix, DateTimeOffset now) => throw new NotImplementedException("core helper implements this");
}
