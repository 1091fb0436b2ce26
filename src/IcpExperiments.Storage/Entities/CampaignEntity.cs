using IcpExperiments.Core.Campaigns;

namespace IcpExperiments.Storage.Entities;

/// <summary>Row of <c>campaigns</c>; spend is an exact decimal with its currency. <see cref="RowVersion"/> is the etag.</summary>
internal sealed class CampaignEntity
{
    public string TeamId { get; set; } = "";
    public string ExperimentId { get; set; } = "";
    public string Id { get; set; } = "";
    public string ArmKey { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public Channel Channel { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string SpendCurrency { get; set; } = "";
    public decimal SpendAmount { get; set; }
    public long RowVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
