namespace IcpExperiments.Core.Recommendations;

/// <summary>The recommendation for one experiment: per variant, per changed criterion.</summary>
public sealed record ExperimentRecommendation(string ExperimentId, int ControlVersion, IReadOnlyList<VariantRecommendation> Variants);
