namespace IcpExperiments.Storage.Entities;

/// <summary>
/// Row of <c>enrolments</c>: one per (team, experiment, account). Well-known attributes are columns (segment analysis
/// groups by them); tech stack and extra attributes are JSON. <see cref="Fingerprint"/> identifies the content of the
/// client's event so a retry can be told apart from a reuse of its event id.
/// </summary>
internal sealed class EnrolmentEntity
{
    public string TeamId { get; set; } = "";
    public string ExperimentId { get; set; } = "";
    public string AccountId { get; set; } = "";
    public string EventId { get; set; } = "";
    public string ArmKey { get; set; } = "";
    public string? CampaignId { get; set; }
    public DateTimeOffset EnrolledAt { get; set; }
    public string? Industry { get; set; }
    public long? EmployeeCount { get; set; }
    public string? Region { get; set; }
    public double? AnnualRevenue { get; set; }
    public string? FundingStage { get; set; }
    public string TechStackJson { get; set; } = "[]";
    public string ExtraJson { get; set; } = "{}";
    public string Fingerprint { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}
