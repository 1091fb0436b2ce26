namespace IcpExperiments.Storage.Entities;

/// <summary>
/// Row of <c>applied_recommendations</c>: one per team and experiment (the key makes Apply idempotent), pointing at the
/// profile version it created; the evidence per changed criterion is a JSON document.
/// </summary>
internal sealed class AppliedRecommendationEntity
{
    public string TeamId { get; set; } = "";
    public string ExperimentId { get; set; } = "";
    public string ProfileId { get; set; } = "";
    public int ControlVersion { get; set; }
    public int VersionNumber { get; set; }
    public string AppliedBy { get; set; } = "";
    public DateTimeOffset AppliedAt { get; set; }
    public double ConfidenceLevel { get; set; }
    public string ProvenanceJson { get; set; } = "[]";
}
