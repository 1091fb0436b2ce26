namespace IcpExperiments.Core.Errors;

/// <summary>The request is malformed; maps to INVALID_ARGUMENT with one BadRequest field violation per problem.</summary>
public sealed class ValidationFailedException : DomainException
{
    public ValidationFailedException(IReadOnlyList<FieldViolation> violations)
        : base("INVALID_ARGUMENT", Describe(violations))
    {
        Violations = violations;
    }

    public ValidationFailedException(string field, string description)
        : this([new FieldViolation(field, description)])
    {
    }

    public IReadOnlyList<FieldViolation> Violations { get; }

    private static string Describe(IReadOnlyList<FieldViolation> violations) =>
        violations.Count == 0
            ? "The request is invalid."
            : string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"));
}
