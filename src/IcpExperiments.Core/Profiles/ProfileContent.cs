namespace IcpExperiments.Core.Profiles;

/// <summary>What a profile version says: its criteria, free text and optional fit tiers.</summary>
public sealed record ProfileContent(IReadOnlyList<Criterion> Criteria, ProfileText Text, IReadOnlyList<FitTier> FitTiers);
