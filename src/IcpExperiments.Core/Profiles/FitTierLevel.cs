namespace IcpExperiments.Core.Profiles;

/// <summary>Fit tiers, best first. An account's tier is the first whose criteria it all matches.</summary>
public enum FitTierLevel
{
    Best = 1,
    Good = 2,
    Bad = 3,
}
