using IcpExperiments.Core.Campaigns;
using IcpExperiments.Server.Validation;
using V1 = IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Mapping;

/// <summary>Campaigns between the contract and the domain.</summary>
public static class CampaignMapping
{
    /// <summary>The paths UpdateCampaign accepts in its field mask.</summary>
    public static readonly IReadOnlySet<string> UpdatablePaths = new HashSet<string>(StringComparer.Ordinal) { "display_name", "end_date", "spend" };

    public static Campaign ToDomain(string experimentId, string campaignId, V1.Campaign campaign, string field, RequestValidation validation)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        validation.Specified(campaign.Channel, $"{field}.channel");
        validation.Required(campaign.StartDate, $"{field}.start_date");
        validation.Required(campaign.Spend, $"{field}.spend");
        var startDate = CommonMapping.ToDate(campaign.StartDate, $"{field}.start_date", validation);
        var endDate = CommonMapping.ToDate(campaign.EndDate, $"{field}.end_date", validation);
        var spend = CommonMapping.ToMoney(campaign.Spend, $"{field}.spend", validation);
        return new Campaign(
            campaignId,
            experimentId,
            campaign.ArmKey,
            campaign.DisplayName,
            (Channel)(int)campaign.Channel,
            startDate ?? default,
            endDate,
            spend ?? default,
            campaign.Etag,
            default,
            default);
    }

    /// <summary>Copies one field (a mask path) of <paramref name="campaign"/> into <paramref name="current"/>.</summary>
    public static Campaign Apply(Campaign current, V1.Campaign campaign, string path, string field, RequestValidation validation)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(campaign);
        var at = $"{field}.{path}";
        return path switch
        {
            "display_name" => current with { DisplayName = campaign.DisplayName },
            "end_date" => current with { EndDate = CommonMapping.ToDate(campaign.EndDate, at, validation) },
            "spend" => current with
            {
                Spend = validation.Required(campaign.Spend, at) ? CommonMapping.ToMoney(campaign.Spend, at, validation) ?? current.Spend : current.Spend,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(path), path, "Not an updatable path."),
        };
    }

    public static V1.Campaign ToProto(Campaign campaign) => new()
    {
        Name = ResourceNames.OfCampaign(campaign.ExperimentId, campaign.Id),
        ArmKey = campaign.ArmKey,
        DisplayName = campaign.DisplayName,
        Channel = (V1.Channel)(int)campaign.Channel,
        StartDate = CommonMapping.ToProto(campaign.StartDate),
        EndDate = CommonMapping.ToProto(campaign.EndDate),
        Spend = CommonMapping.ToProto(campaign.Spend),
        CreateTime = CommonMapping.ToProto(campaign.CreatedAt),
        UpdateTime = CommonMapping.ToProto(campaign.UpdatedAt),
        Etag = campaign.Etag,
    };
}
