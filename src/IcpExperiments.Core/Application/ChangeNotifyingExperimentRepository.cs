using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>
/// Decorates the experiment repository: design or state updates and campaign writes (spend) change results, so each
/// signals the experiment's watchers.
/// </summary>
public sealed class ChangeNotifyingExperimentRepository(IExperimentRepository inner, ExperimentChangeSignal signal) : IExperimentRepository
{
    public Task<Experiment> CreateAsync(TeamId team, Experiment experiment, CancellationToken cancellationToken) =>
        inner.CreateAsync(team, experiment, cancellationToken);

    public Task<Experiment> GetAsync(TeamId team, string experimentId, CancellationToken cancellationToken) =>
        inner.GetAsync(team, experimentId, cancellationToken);

    public Task<Page<Experiment>> ListAsync(TeamId team, ExperimentState? state, PageRequest page, CancellationToken cancellationToken) =>
        inner.ListAsync(team, state, page, cancellationToken);

    public Task<Page<Experiment>> ListByProfileAsync(TeamId team, string profileId, PageRequest page, CancellationToken cancellationToken) =>
        inner.ListByProfileAsync(team, profileId, page, cancellationToken);

    public Task<Experiment> UpdateAsync(TeamId team, Experiment experiment, string expectedEtag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return signal.NotifyAfterAsync(team, experiment.Id, inner.UpdateAsync(team, experiment, expectedEtag, cancellationToken));
    }

    public Task<Campaign> CreateCampaignAsync(TeamId team, Campaign campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return signal.NotifyAfterAsync(team, campaign.ExperimentId, inner.CreateCampaignAsync(team, campaign, cancellationToken));
    }

    public Task<Campaign> GetCampaignAsync(TeamId team, string experimentId, string campaignId, CancellationToken cancellationToken) =>
        inner.GetCampaignAsync(team, experimentId, campaignId, cancellationToken);

    public Task<Page<Campaign>> ListCampaignsAsync(TeamId team, string experimentId, PageRequest page, CancellationToken cancellationToken) =>
        inner.ListCampaignsAsync(team, experimentId, page, cancellationToken);

    public Task<Campaign> UpdateCampaignAsync(TeamId team, Campaign campaign, string expectedEtag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return signal.NotifyAfterAsync(team, campaign.ExperimentId, inner.UpdateCampaignAsync(team, campaign, expectedEtag, cancellationToken));
    }
}
