using IcpExperiments.Core.Profiles;

namespace IcpExperiments.Core.Recommendations;

/// <summary>Applies criterion changes to a profile's content, attribute by attribute (a version holds one criterion per attribute).</summary>
public static class CriterionEdits
{
    /// <summary>Control's content with each change's <see cref="CriterionChange.After"/> in place of that attribute's criterion (removed when null).</summary>
    public static ProfileContent Apply(ProfileContent content, IEnumerable<(string Attribute, Criterion? Value)> edits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(edits);
        var criteria = content.Criteria.ToList();
        foreach (var (attribute, value) in edits)
        {
            int index = criteria.FindIndex(c => c.Attribute == attribute);
            if (index >= 0 && value is null) criteria.RemoveAt(index);
            else if (index >= 0) criteria[index] = value!;
            else if (value is not null) criteria.Add(value);
        }

        return content with { Criteria = criteria.OrderBy(c => c.Attribute, StringComparer.Ordinal).ToList() };
    }

    public static ProfileContent Apply(ProfileContent content, IEnumerable<CriterionChange> changes) =>
        Apply(content, changes.Select(c => (c.Attribute, c.After)));
}
