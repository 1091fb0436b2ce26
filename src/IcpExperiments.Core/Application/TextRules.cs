using IcpExperiments.Core.Errors;

namespace IcpExperiments.Core.Application;

/// <summary>Rules for free text: length in characters, no control characters except newline and tab.</summary>
public static class TextRules
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 10_000;

    public static IEnumerable<FieldViolation> Validate(string value, string field, bool required, int maxLength) => throw new NotImplementedException("core helper implements this");
}
