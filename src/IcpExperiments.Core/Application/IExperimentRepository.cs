using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>
/// Persistence of experiments and their campaigns, scoped to a team. Updates are conditional on the etag the caller
/// read: a stale etag throws ConcurrencyConflictException and changes nothing. The store assigns new etags.
/// </summary>
public interface IExperimentRepository
{
    Task<Experiment> CreateAsync(TeamId team, Experiment experiment, CancellationToken cancellationToken);

    Task<Experiment> GetAsync(TeamId team, string experimentId, CancellationToken cancellationToken);

    /// <summary>Experiments of the team, newest first, optionally only those in <paramref name="state"/>.</summary>
    Task<Page<Experiment>> ListAsync(TeamId team, ExperimentState? state, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Experiments of the team on one profile (any state), newest first. NotFoundException for an unknown profile.</summary>
    Task<Page<Experiment>> ListByProfileAsync(TeamId team, string profileId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Replaces design, state and timestamps when the stored etag equals <paramref name="expectedEtag"/>.</summary>
    Task<Experiment> UpdateAsync(TeamId team, Experiment experiment, string expectedEtag, CancellationToken cancellationToken);

    Task<Campaign> CreateCampaignAsync(TeamId team, Campaign campaign, CancellationToken cancellationToken);

    Task<Campaign> GetCampaignAsync(TeamId team, string experimentId, string campaignId, CancellationToken cancellationToken);

    Task<Page<Campaign>> ListCampaignsAsync(TeamId team, string experimentId, PageRequest page, CancellationToken cancellationToken);

    Task<Campaign> UpdateCampaignAsync(TeamId team, Campaign campaign, string expectedEtag, CancellationToken cancellationToken);
}
