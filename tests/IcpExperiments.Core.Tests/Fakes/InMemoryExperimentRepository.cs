using IcpExperiments.Core.Application;
using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Tests.Fakes;

/// <summary>An in-memory experiment store with etag checks, for application-service tests (one team, no paging).</summary>
internal sealed class InMemoryExperimentRepository : IExperimentRepository
{
    private readonly Dictionary<string, Experiment> experiments = [];
    private readonly Dictionary<string, Campaign> campaigns = [];
    private int etagCounter;

    public int Count => experiments.Count;

    public Task<Experiment> CreateAsync(TeamId team, Experiment experiment, CancellationToken cancellationToken)
    {
        var stored = experiment with { Etag = NextEtag() };
        if (!experiments.TryAdd(stored.Id, stored)) throw new AlreadyExistsException("EXPERIMENT_ALREADY_EXISTS", stored.Id);
        return Task.FromResult(stored);
    }

    public Task<Experiment> GetAsync(TeamId team, string experimentId, CancellationToken cancellationToken) =>
        Task.FromResult(experiments.TryGetValue(experimentId, out var experiment) ? experiment : throw new NotFoundException("Experiment", experimentId));

    public Task<Page<Experiment>> ListAsync(TeamId team, ExperimentState? state, PageRequest page, CancellationToken cancellationToken) =>
        Task.FromResult(new Page<Experiment>([.. experiments.Values.Where(e => state is null || e.State == state)], null));

    public Task<Page<Experiment>> ListByProfileAsync(TeamId team, string profileId, PageRequest page, CancellationToken cancellationToken) =>
        Task.FromResult(new Page<Experiment>([.. experiments.Values.Where(e => e.Design.ProfileId == profileId).OrderByDescending(e => e.CreatedAt)], null));

    public async Task<Experiment> UpdateAsync(TeamId team, Experiment experiment, string expectedEtag, CancellationToken cancellationToken)
    {
        var current = await GetAsync(team, experiment.Id, cancellationToken);
        if (current.Etag != expectedEtag) throw new ConcurrencyConflictException($"Experiment '{experiment.Id}' changed.");
        var stored = experiment with { Etag = NextEtag() };
        experiments[stored.Id] = stored;
        return stored;
    }

    public Task<Campaign> CreateCampaignAsync(TeamId team, Campaign campaign, CancellationToken cancellationToken)
    {
        var stored = campaign with { Etag = NextEtag() };
        campaigns.Add(stored.Id, stored);
        return Task.FromResult(stored);
    }

    public Task<Campaign> GetCampaignAsync(TeamId team, string experimentId, string campaignId, CancellationToken cancellationToken) =>
        Task.FromResult(campaigns.TryGetValue(campaignId, out var campaign) ? campaign : throw new NotFoundException("Campaign", campaignId));

    public Task<Page<Campaign>> ListCampaignsAsync(TeamId team, string experimentId, PageRequest page, CancellationToken cancellationToken) =>
        Task.FromResult(new Page<Campaign>([.. campaigns.Values.Where(c => c.ExperimentId == experimentId)], null));

    public async Task<Campaign> UpdateCampaignAsync(TeamId team, Campaign campaign, string expectedEtag, CancellationToken cancellationToken)
    {
        var current = await GetCampaignAsync(team, campaign.ExperimentId, campaign.Id, cancellationToken);
        if (current.Etag != expectedEtag) throw new ConcurrencyConflictException($"Campaign '{campaign.Id}' changed.");
        var stored = campaign with { Etag = NextEtag() };
        campaigns[stored.Id] = stored;
        return stored;
    }

    private string NextEtag() => $"etag-{++etagCounter}";
}
