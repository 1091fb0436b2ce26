using System.Globalization;

namespace IcpExperiments.Core.Accounts;

/// <summary>
/// Reads an account attribute by its lower_snake name as text, number or boolean. A missing, blank or unparsable value
/// reads as null, and criteria never match a missing value. Text is trimmed and lower-cased (invariant).
/// </summary>
public static class AttributeReader
{
    /// <summary>The attribute's values (one for scalar attributes, any number for the tech stack), or null when missing.</summary>
    public static IReadOnlyList<string>? Texts(AccountAttributes attributes, string name)
    {
        // An empty tech stack is indistinguishable from "unknown", so it reads as missing rather than "uses nothing".
        if (name == WellKnownAttributes.TechStack)
        {
            var stack = attributes.TechStack.Where(t => !string.IsNullOrWhiteSpace(t)).Select(NormalizeText).ToList();
            return stack.Count == 0 ? null : stack;
        }

        var raw = WellKnownAttributes.KindOf(name) switch
        {
            AttributeKind.Number => null,
            AttributeKind.Text => WellKnownText(attributes, name),
            _ => Extra(attributes, name),
        };
        return string.IsNullOrWhiteSpace(raw) ? null : [NormalizeText(raw)];
    }

    public static double? Number(AccountAttributes attributes, string name)
    {
        switch (name)
        {
            case WellKnownAttributes.EmployeeCount: return attributes.EmployeeCount;
            case WellKnownAttributes.AnnualRevenue: return attributes.AnnualRevenue is { } r && double.IsFinite(r) ? r : null;
        }

        if (WellKnownAttributes.KindOf(name) is not null) return null;
        var raw = Extra(attributes, name);
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
    }

    public static bool? Boolean(AccountAttributes attributes, string name)
    {
        if (WellKnownAttributes.KindOf(name) is not null) return null;
        return bool.TryParse(Extra(attributes, name)?.Trim(), out var value) ? value : null;
    }

    /// <summary>The comparison form of a categorical value: trimmed, lower-case invariant.</summary>
    public static string NormalizeText(string value) => value.Trim().ToLowerInvariant();

    private static string? WellKnownText(AccountAttributes attributes, string name) => name switch
    {
        WellKnownAttributes.Industry => attributes.Industry,
        WellKnownAttributes.Region => attributes.Region,
        WellKnownAttributes.FundingStage => attributes.FundingStage,
        _ => null,
    };

    // Keys should be lower_snake already; a CRM export with "Uses_Salesforce" still resolves.
    private static string? Extra(AccountAttributes attributes, string name)
    {
        if (attributes.Extra.TryGetValue(name, out var exact)) return exact;
        foreach (var (key, value) in attributes.Extra)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        }

        return null;
    }
}
