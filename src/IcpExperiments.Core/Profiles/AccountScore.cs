namespace IcpExperiments.Core.Profiles;

/// <summary>How one account fares against a profile version: which criteria it matches, and its fit tier (null when no tier matches or none is defined).</summary>
public sealed record AccountScore(
    string AccountId,
    IReadOnlyList<Criterion> Matched,
    IReadOnlyList<Criterion> Unmatched,
    FitTierLevel? FitTier)
{
    /// <summary>True when every criterion of the version matches: the account is inside the ICP.</summary>
    public bool MatchesAll => Unmatched.Count == 0;
}
