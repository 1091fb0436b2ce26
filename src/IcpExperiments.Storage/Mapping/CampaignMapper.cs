using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Entities;

namespace IcpExperiments.Storage.Mapping;

internal static class CampaignMapper
{
    public static Campaign ToDomain(CampaignEntity row) => new(
        row.Id,
        row.ExperimentId,
        row.ArmKey,
        row.DisplayName,
        row.Channel,
        row.StartDate,
        row.EndDate,
        new Money(row.SpendCurrency, row.SpendAmount),
        ExperimentMapper.ToEtag(row.RowVersion),
        row.CreatedAt,
        row.UpdatedAt);

    public static CampaignEntity ToNewEntity(TeamId team, Campaign campaign) => new()
    {
        TeamId = team.Value,
        ExperimentId = campaign.ExperimentId,
        Id = campaign.Id,
        ArmKey = campaign.ArmKey,
        DisplayName = campaign.DisplayName,
        Channel = campaign.Channel,
        StartDate = campaign.StartDate,
        EndDate = campaign.EndDate,
        SpendCurrency = campaign.Spend.CurrencyCode,
        SpendAmount = campaign.Spend.Amount,
        RowVersion = 1,
        CreatedAt = campaign.CreatedAt,
        UpdatedAt = campaign.UpdatedAt,
    };
}
