namespace IcpExperiments.Storage.Entities;

/// <summary>Row of <c>profiles</c>.</summary>
internal sealed class ProfileEntity
{
    public string TeamId { get; set; } = "";
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Description { get; set; } = "";
    public int LatestVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
