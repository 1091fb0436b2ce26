using IcpExperiments.Core.Application;
using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Entities;
using IcpExperiments.Storage.Mapping;
using IcpExperiments.Storage.Paging;
using Microsoft.EntityFrameworkCore;

namespace IcpExperiments.Storage.Repositories;

/// <summary>
/// Experiments and campaigns. Updates are single UPDATE statements whose WHERE clause holds the expected row version,
/// so of two editors holding the same etag exactly one matches a row; the other gets ConcurrencyConflictException.
/// </summary>
internal sealed class ExperimentRepository(IcpExperimentsDbContext db, IStorageProvider provider) : IExperimentRepository
{
    public Task<Experiment> CreateAsync(TeamId team, Experiment experiment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return WriteTransaction.RunAsync(db, provider, async () =>
        {
            if (await Experiments(team).AnyAsync(e => e.Id == experiment.Id, cancellationToken))
                throw new AlreadyExistsException("EXPERIMENT_ALREADY_EXISTS", $"Experiment '{experiment.Id}' already exists.");
            if (!await db.Profiles.AnyAsync(p => p.TeamId == team.Value && p.Id == experiment.Design.ProfileId, cancellationToken))
                throw new NotFoundException("Profile", experiment.Design.ProfileId);
            var row = ExperimentMapper.ToNewEntity(team, experiment);
            db.Experiments.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            return ExperimentMapper.ToDomain(row);
        }, cancellationToken);
    }

    public async Task<Experiment> GetAsync(TeamId team, string experimentId, CancellationToken cancellationToken)
    {
        var row = await Experiments(team).SingleOrDefaultAsync(e => e.Id == experimentId, cancellationToken);
        return row is null ? throw new NotFoundException("Experiment", experimentId) : ExperimentMapper.ToDomain(row);
    }

    public Task<Page<Experiment>> ListAsync(TeamId team, ExperimentState? state, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var query = Experiments(team);
        if (state is { } only) query = query.Where(e => e.State == only);
        return NewestFirstAsync(query, page, cancellationToken);
    }

    public async Task<Page<Experiment>> ListByProfileAsync(TeamId team, string profileId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await db.Profiles.AnyAsync(p => p.TeamId == team.Value && p.Id == profileId, cancellationToken)) throw new NotFoundException("Profile", profileId);
        return await NewestFirstAsync(Experiments(team).Where(e => e.ProfileId == profileId), page, cancellationToken);
    }

    public Task<Experiment> UpdateAsync(TeamId team, Experiment experiment, string expectedEtag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var resource = $"experiment '{experiment.Id}'";
        var expected = ExperimentMapper.FromEtag(expectedEtag, resource);
        var values = new ExperimentEntity();
        ExperimentMapper.CopyMutableFields(experiment, values);
        return WriteTransaction.RunAsync(db, provider, async () =>
        {
            var updated = await Experiments(team)
                .Where(e => e.Id == experiment.Id && e.RowVersion == expected)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(e => e.DisplayName, values.DisplayName)
                        .SetProperty(e => e.Hypothesis, values.Hypothesis)
                        .SetProperty(e => e.ProfileId, values.ProfileId)
                        .SetProperty(e => e.ArmsJson, values.ArmsJson)
                        .SetProperty(e => e.PrimaryMetric, values.PrimaryMetric)
                        .SetProperty(e => e.GuardrailsJson, values.GuardrailsJson)
                        .SetProperty(e => e.Alpha, values.Alpha)
                        .SetProperty(e => e.Power, values.Power)
                        .SetProperty(e => e.MinimumDetectableEffect, values.MinimumDetectableEffect)
                        .SetProperty(e => e.ObservationWindowDays, values.ObservationWindowDays)
                        .SetProperty(e => e.AnalysisMode, values.AnalysisMode)
                        .SetProperty(e => e.State, values.State)
                        .SetProperty(e => e.UpdatedAt, values.UpdatedAt)
                        .SetProperty(e => e.StartedAt, values.StartedAt)
                        .SetProperty(e => e.StoppedAt, values.StoppedAt)
                        .SetProperty(e => e.ConcludedAt, values.ConcludedAt)
                        .SetProperty(e => e.ArchivedAt, values.ArchivedAt)
                        .SetProperty(e => e.RowVersion, e => e.RowVersion + 1),
                    cancellationToken);
            if (updated == 0) await ThrowMissingOrStaleAsync(Experiments(team).Where(e => e.Id == experiment.Id), "Experiment", experiment.Id, resource, cancellationToken);
            return await GetAsync(team, experiment.Id, cancellationToken);
        }, cancellationToken);
    }

    public Task<Campaign> CreateCampaignAsync(TeamId team, Campaign campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return WriteTransaction.RunAsync(db, provider, async () =>
        {
            if (!await Experiments(team).AnyAsync(e => e.Id == campaign.ExperimentId, cancellationToken))
                throw new NotFoundException("Experiment", campaign.ExperimentId);
            if (await Campaigns(team, campaign.ExperimentId).AnyAsync(c => c.Id == campaign.Id, cancellationToken))
                throw new AlreadyExistsException("CAMPAIGN_ALREADY_EXISTS", $"Campaign '{campaign.Id}' already exists in experiment '{campaign.ExperimentId}'.");
            var row = CampaignMapper.ToNewEntity(team, campaign);
            db.Campaigns.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            return CampaignMapper.ToDomain(row);
        }, cancellationToken);
    }

    public async Task<Campaign> GetCampaignAsync(TeamId team, string experimentId, string campaignId, CancellationToken cancellationToken)
    {
        var row = await Campaigns(team, experimentId).SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        return row is null ? throw new NotFoundException("Campaign", $"{experimentId}/campaigns/{campaignId}") : CampaignMapper.ToDomain(row);
    }

    public async Task<Page<Campaign>> ListCampaignsAsync(TeamId team, string experimentId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var after = PageToken.Decode(page.PageToken, 1);
        if (!await Experiments(team).AnyAsync(e => e.Id == experimentId, cancellationToken)) throw new NotFoundException("Experiment", experimentId);
        var query = Campaigns(team, experimentId);
        if (after is not null) query = query.Where(c => string.Compare(c.Id, after[0]) > 0);
        return await KeysetPager.ReadAsync(query.OrderBy(c => c.Id), page, c => [c.Id], CampaignMapper.ToDomain, cancellationToken);
    }

    public Task<Campaign> UpdateCampaignAsync(TeamId team, Campaign campaign, string expectedEtag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var resource = $"campaign '{campaign.Id}'";
        var expected = ExperimentMapper.FromEtag(expectedEtag, resource);
        return WriteTransaction.RunAsync(db, provider, async () =>
        {
            var updated = await Campaigns(team, campaign.ExperimentId)
                .Where(c => c.Id == campaign.Id && c.RowVersion == expected)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.DisplayName, campaign.DisplayName)
                        .SetProperty(c => c.EndDate, campaign.EndDate)
                        .SetProperty(c => c.SpendCurrency, campaign.Spend.CurrencyCode)
                        .SetProperty(c => c.SpendAmount, campaign.Spend.Amount)
                        .SetProperty(c => c.UpdatedAt, campaign.UpdatedAt)
                        .SetProperty(c => c.RowVersion, c => c.RowVersion + 1),
                    cancellationToken);
            if (updated == 0)
                await ThrowMissingOrStaleAsync(Campaigns(team, campaign.ExperimentId).Where(c => c.Id == campaign.Id), "Campaign", $"{campaign.ExperimentId}/campaigns/{campaign.Id}", resource, cancellationToken);
            return await GetCampaignAsync(team, campaign.ExperimentId, campaign.Id, cancellationToken);
        }, cancellationToken);
    }

    private static async Task ThrowMissingOrStaleAsync<T>(IQueryable<T> row, string resourceType, string name, string resource, CancellationToken cancellationToken)
    {
        if (!await row.AnyAsync(cancellationToken)) throw new NotFoundException(resourceType, name);
        throw new ConcurrencyConflictException($"The etag is not the current etag of {resource}: someone changed it since it was read; read it again and retry.");
    }

    private static Task<Page<Experiment>> NewestFirstAsync(IQueryable<ExperimentEntity> query, PageRequest page, CancellationToken cancellationToken)
    {
        var after = PageToken.Decode(page.PageToken, 2);
        if (after is not null)
        {
            var createdAt = PageKeys.ParseInstant(after[0]);
            var id = after[1];
            query = query.Where(e => e.CreatedAt < createdAt || (e.CreatedAt == createdAt && string.Compare(e.Id, id) < 0));
        }

        var ordered = query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id);
        return KeysetPager.ReadAsync(ordered, page, e => [PageKeys.Format(e.CreatedAt), e.Id], ExperimentMapper.ToDomain, cancellationToken);
    }

    private IQueryable<ExperimentEntity> Experiments(TeamId team) => db.Experiments.AsNoTracking().Where(e => e.TeamId == team.Value);

    private IQueryable<CampaignEntity> Campaigns(TeamId team, string experimentId) =>
        db.Campaigns.AsNoTracking().Where(c => c.TeamId == team.Value && c.ExperimentId == experimentId);
}
