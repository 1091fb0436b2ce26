namespace IcpExperiments.Storage.Entities;

/// <summary>Row of <c>profile_versions</c>: criteria and fit tiers as JSON, the free-text sections as columns.</summary>
internal sealed class ProfileVersionEntity
{
    public string TeamId { get; set; } = "";
    public string ProfileId { get; set; } = "";
    public int Number { get; set; }
    public string CriteriaJson { get; set; } = "[]";
    public string FitTiersJson { get; set; } = "[]";
    public string Psychographics { get; set; } = "";
    public string Goals { get; set; } = "";
    public string PainPoints { get; set; } = "";
    public string BuyingProcess { get; set; } = "";
    public string ChangeNote { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
