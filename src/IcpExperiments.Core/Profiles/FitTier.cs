namespace IcpExperiments.Core.Profiles;

/// <summary>A fit tier: e.g. best fit = "US, &gt;500 employees", good fit = "North America, &gt;200".</summary>
public sealed record FitTier(FitTierLevel Level, IReadOnlyList<Criterion> Criteria);
