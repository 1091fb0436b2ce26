namespace IcpExperiments.Core.Profiles;

/// <summary>Diffs two versions criterion by criterion (keyed by attribute) and classes each change by set / range containment.</summary>
public static class ProfileDiffer
{
    public static ProfileDiff Diff(ProfileVersion from, ProfileVersion to)
    {
        var before = ByAttribute(from.Content.Criteria);
        var after = ByAttribute(to.Content.Criteria);
        var changes = new List<CriterionChange>();
        foreach (var attribute in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var change = Compare(attribute, before.GetValueOrDefault(attribute), after.GetValueOrDefault(attribute));
            if (change is not null) changes.Add(change);
        }

        return new ProfileDiff(from.ProfileId, from.Number, to.Number, changes);
    }

    /// <summary>The change from <paramref name="before"/> to <paramref name="after"/>; null when they match the same accounts.</summary>
    public static CriterionChange? Compare(string attribute, Criterion? before, Criterion? after)
    {
        if (before is null && after is null) return null;

        // A new criterion constrains who matches; dropping one lifts a constraint.
        if (before is null) return new CriterionChange(attribute, ChangeKind.Added, null, after, ChangeDirection.Narrowing);
        if (after is null) return new CriterionChange(attribute, ChangeKind.Removed, before, null, ChangeDirection.Widening);

        var widens = CriterionContainment.IsSubset(before, after);
        var narrows = CriterionContainment.IsSubset(after, before);
        if (widens && narrows) return null;
        var direction = widens ? ChangeDirection.Widening : narrows ? ChangeDirection.Narrowing : ChangeDirection.Mixed;
        return new CriterionChange(attribute, ChangeKind.Changed, before, after, direction);
    }

    // Stored versions hold one criterion per attribute; should a second slip through, the first one counts.
    private static Dictionary<string, Criterion> ByAttribute(IReadOnlyList<Criterion> criteria) =>
        criteria.GroupBy(c => c.Attribute, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
}
