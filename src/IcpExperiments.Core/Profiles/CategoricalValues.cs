using IcpExperiments.Core.Accounts;

namespace IcpExperiments.Core.Profiles;

/// <summary>The comparison form of a categorical criterion's values: trimmed, lower-case, as a set.</summary>
internal static class CategoricalValues
{
    public static HashSet<string> Of(CategoricalCriterion criterion) =>
        criterion.Values.Select(AttributeReader.NormalizeText).ToHashSet(StringComparer.Ordinal);
}
