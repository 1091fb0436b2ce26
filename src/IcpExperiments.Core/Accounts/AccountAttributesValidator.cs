using IcpExperiments.Core.Application;
using IcpExperiments.Core.Errors;

namespace IcpExperiments.Core.Accounts;

/// <summary>Rules of an account's attributes as a CRM sends them: bounded text, plausible numbers, lower_snake extra keys.</summary>
public static class AccountAttributesValidator
{
    public const long MaxEmployeeCount = 10_000_000;
    public const double MaxAnnualRevenue = 1e15;
    public const int MaxListEntries = 200;
    public const int MaxExtraAttributes = 100;
    public const int MaxExtraValueLength = 1_000;

    public static IEnumerable<FieldViolation> Validate(AccountAttributes attributes, string prefix)
    {
        var violations = new List<FieldViolation>();
        AddText(attributes.Industry, $"{prefix}.{WellKnownAttributes.Industry}", violations);
        AddText(attributes.Region, $"{prefix}.{WellKnownAttributes.Region}", violations);
        AddText(attributes.FundingStage, $"{prefix}.{WellKnownAttributes.FundingStage}", violations);
        if (attributes.EmployeeCount is < 0 or > MaxEmployeeCount)
            violations.Add(new FieldViolation($"{prefix}.{WellKnownAttributes.EmployeeCount}", $"must be between 0 and {MaxEmployeeCount} (got {attributes.EmployeeCount})."));
        if (attributes.AnnualRevenue is { } revenue && !(revenue >= 0 && revenue <= MaxAnnualRevenue))
            violations.Add(new FieldViolation($"{prefix}.{WellKnownAttributes.AnnualRevenue}", $"must be a finite amount between 0 and {MaxAnnualRevenue:0e0} (got {revenue})."));
        ValidateTechStack(attributes.TechStack, $"{prefix}.{WellKnownAttributes.TechStack}", violations);
        ValidateExtra(attributes.Extra, $"{prefix}.extra", violations);
        return violations;
    }

    private static void AddText(string? value, string field, List<FieldViolation> violations)
    {
        if (value is not null) violations.AddRange(TextRules.Validate(value, field, required: false, TextRules.MaxNameLength));
    }

    private static void ValidateTechStack(IReadOnlyList<string> techStack, string path, List<FieldViolation> violations)
    {
        if (techStack.Count > MaxListEntries)
            violations.Add(new FieldViolation(path, $"must hold at most {MaxListEntries} entries (got {techStack.Count})."));
        for (int i = 0; i < techStack.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(techStack[i])) violations.Add(new FieldViolation($"{path}[{i}]", "must not be empty."));
            else AddText(techStack[i], $"{path}[{i}]", violations);
        }
    }

    private static void ValidateExtra(IReadOnlyDictionary<string, string> extra, string path, List<FieldViolation> violations)
    {
        if (extra.Count > MaxExtraAttributes)
            violations.Add(new FieldViolation(path, $"must hold at most {MaxExtraAttributes} attributes (got {extra.Count})."));
        foreach (var (key, value) in extra.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var field = $"{path}[{key}]";
            if (AttributeNames.Describe(key) is { } problem) violations.Add(new FieldViolation(field, $"key {problem}"));
            else if (WellKnownAttributes.KindOf(key) is not null) violations.Add(new FieldViolation(field, $"'{key}' is a typed attribute: set it in its own field."));
            violations.AddRange(TextRules.Validate(value ?? string.Empty, field, required: false, MaxExtraValueLength));
        }
    }
}
