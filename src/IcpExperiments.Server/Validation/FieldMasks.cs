using Google.Protobuf.WellKnownTypes;

namespace IcpExperiments.Server.Validation;

/// <summary>Field-mask checks for Update methods (AIP-134): required, non-empty, no wildcard, only updatable paths.</summary>
public static class FieldMasks
{
    /// <summary>The distinct paths of <paramref name="mask"/>, each in <paramref name="updatable"/>; violations for the rest.</summary>
    public static IReadOnlyList<string> Paths(FieldMask? mask, IReadOnlySet<string> updatable, RequestValidation validation, string field = "update_mask")
    {
        ArgumentNullException.ThrowIfNull(updatable);
        ArgumentNullException.ThrowIfNull(validation);
        if (mask is null || mask.Paths.Count == 0)
        {
            validation.Add(field, $"is required and must name at least one of: {string.Join(", ", updatable.Order(StringComparer.Ordinal))}.");
            return [];
        }

        var paths = new List<string>();
        foreach (var path in mask.Paths.Distinct(StringComparer.Ordinal))
        {
            if (validation.Check(updatable.Contains(path), $"{field}.paths", $"'{path}' cannot be updated; updatable: {string.Join(", ", updatable.Order(StringComparer.Ordinal))}."))
                paths.Add(path);
        }

        return paths;
    }
}
