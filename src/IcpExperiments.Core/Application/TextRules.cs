using IcpExperiments.Core.Errors;

namespace IcpExperiments.Core.Application;

/// <summary>Rules for free text: length in characters, no control characters except newline and tab.</summary>
public static class TextRules
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 10_000;

    public static IEnumerable<FieldViolation> Validate(string value, string field, bool required, int maxLength)
    {
        value ??= string.Empty;
        if (required && string.IsNullOrWhiteSpace(value)) yield return new FieldViolation(field, "is required.");
        if (value.Length > maxLength) yield return new FieldViolation(field, $"must be at most {maxLength} characters (got {value.Length}).");
        if (HasForbiddenControlCharacter(value)) yield return new FieldViolation(field, "must not contain control characters other than newline and tab.");
    }

    /// <summary>True when <paramref name="value"/> holds a control character other than '\n' and '\t' (a carriage return included).</summary>
    public static bool HasForbiddenControlCharacter(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) && c != '\n' && c != '\t') return true;
        }

        return false;
    }
}
