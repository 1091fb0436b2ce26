namespace IcpExperiments.Core.Profiles;

/// <summary>The criteria changes from one version to another, ordered by attribute; empty when the criteria are the same.</summary>
public sealed record ProfileDiff(string ProfileId, int FromVersion, int ToVersion, IReadOnlyList<CriterionChange> Changes)
{
    /// <summary>Overall direction: widening or narrowing only when every change agrees; null when there is no change.</summary>
    public ChangeDirection? OverallDirection => Changes.Count == 0
        ? null
        : Changes.All(c => c.Direction == ChangeDirection.Widening) ? ChangeDirection.Widening
        : Changes.All(c => c.Direction == ChangeDirection.Narrowing) ? ChangeDirection.Narrowing
        : ChangeDirection.Mixed;
}
