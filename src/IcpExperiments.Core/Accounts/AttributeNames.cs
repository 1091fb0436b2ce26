namespace IcpExperiments.Core.Accounts;

/// <summary>Attribute names (criterion attributes, extra attribute keys): lower_snake, 1–64 characters.</summary>
public static class AttributeNames
{
    public const int MaxLength = 64;

    /// <summary>Why <paramref name="name"/> is not a valid attribute name, or null when it is.</summary>
    public static string? Describe(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "is required.";
        if (name.Length > MaxLength) return $"must be at most {MaxLength} characters (got {name.Length}).";
        var lowerSnake = char.IsAsciiLetterLower(name[0])
            && name[^1] != '_'
            && !name.Contains("__", StringComparison.Ordinal)
            && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
        return lowerSnake ? null : "must be lower_snake_case: a lower-case letter, then letters, digits and single underscores.";
    }
}
