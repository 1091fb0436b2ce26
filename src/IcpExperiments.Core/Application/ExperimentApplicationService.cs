using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Profiles;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>Use cases on experiments and their campaigns: register, edit in Draft, move through the lifecycle.</summary>
public sealed class ExperimentApplicationService(IExperimentRepository experiments, IProfileRepository profiles, TimeProvider time)
{
    /// <summary>Registers a Draft experiment; <paramref name="experimentId"/> empty means "generate one".</summary>
    public async Task<Experiment> CreateAsync(TeamId team, string experimentId, ExperimentDesign design, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        if (experimentId.Length == 0) experimentId = ResourceIds.New("exp");
        else violations.AddRange(ResourceIds.Validate(experimentId, "experiment_id"));
        violations.AddRange(ExperimentDesignValidator.Validate(design, "experiment"));
        if (violations.Count > 0) throw new ValidationFailedException(violations);
        await EnsureArmsAreVersionsThatDifferAsync(team, design, cancellationToken);

        var now = time.GetUtcNow();
        var experiment = new Experiment(experimentId, design, ExperimentState.Draft, string.Empty, now, now, null, null, null, null);
        return await experiments.CreateAsync(team, experiment, cancellationToken);
    }

    public Task<Experiment> GetAsync(TeamId team, string experimentId, CancellationToken cancellationToken) =>
        experiments.GetAsync(team, experimentId, cancellationToken);

    public Task<Page<Experiment>> ListAsync(TeamId team, ExperimentState? state, PageRequest page, CancellationToken cancellationToken) =>
        experiments.ListAsync(team, state, page, cancellationToken);

    /// <summary>Replaces the design of a Draft experiment when <paramref name="etag"/> is current (empty etag: unconditional).</summary>
    public async Task<Experiment> UpdateDesignAsync(TeamId team, string experimentId, ExperimentDesign design, string etag, CancellationToken cancellationToken)
    {
        var current = await experiments.GetAsync(team, experimentId, cancellationToken);
        if (current.State != ExperimentState.Draft)
            throw new PreconditionFailedException("EXPERIMENT_NOT_DRAFT", $"Experiment '{experimentId}' is {current.State}: its design can only change in Draft.");
        var violations = ExperimentDesignValidator.Validate(design, "experiment");
        if (violations.Count > 0) throw new ValidationFailedException(violations);
        await EnsureArmsAreVersionsThatDifferAsync(team, design, cancellationToken);
        var updated = current with { Design = design, UpdatedAt = time.GetUtcNow() };
        return await experiments.UpdateAsync(team, updated, etag.Length == 0 ? current.Etag : etag, cancellationToken);
    }

    /// <summary>Moves the experiment to <paramref name="target"/>; illegal moves throw FAILED_PRECONDITION, a stale etag ABORTED.</summary>
    public async Task<Experiment> TransitionAsync(TeamId team, string experimentId, ExperimentState target, string etag, CancellationToken cancellationToken)
    {
        var current = await experiments.GetAsync(team, experimentId, cancellationToken);
        var moved = ExperimentLifecycle.MoveTo(current, target, time.GetUtcNow());
        return await experiments.UpdateAsync(team, moved, etag.Length == 0 ? current.Etag : etag, cancellationToken);
    }

    /// <summary>Adds a campaign to an arm; <paramref name="campaign"/>'s id empty means "generate one".</summary>
    public async Task<Campaign> CreateCampaignAsync(TeamId team, Campaign campaign, CancellationToken cancellationToken)
    {
        if (campaign.Id.Length == 0) campaign = campaign with { Id = ResourceIds.New("cmp") };
        var violations = CampaignValidator.Validate(campaign, "campaign");
        if (violations.Count > 0) throw new ValidationFailedException(violations);
        var experiment = await experiments.GetAsync(team, campaign.ExperimentId, cancellationToken);
        CampaignValidator.EnsureFitsExperiment(campaign, experiment);
        var now = time.GetUtcNow();
        return await experiments.CreateCampaignAsync(team, campaign with { CreatedAt = now, UpdatedAt = now }, cancellationToken);
    }

    public Task<Campaign> GetCampaignAsync(TeamId team, string experimentId, string campaignId, CancellationToken cancellationToken) =>
        experiments.GetCampaignAsync(team, experimentId, campaignId, cancellationToken);

    public Task<Page<Campaign>> ListCampaignsAsync(TeamId team, string experimentId, PageRequest page, CancellationToken cancellationToken) =>
        experiments.ListCampaignsAsync(team, experimentId, page, cancellationToken);

    /// <summary>Replaces a campaign's editable fields (name, end date, spend) when <paramref name="etag"/> is current (empty: unconditional).</summary>
    public async Task<Campaign> UpdateCampaignAsync(TeamId team, Campaign campaign, string etag, CancellationToken cancellationToken)
    {
        var current = await experiments.GetCampaignAsync(team, campaign.ExperimentId, campaign.Id, cancellationToken);
        var updated = current with { DisplayName = campaign.DisplayName, EndDate = campaign.EndDate, Spend = campaign.Spend, UpdatedAt = time.GetUtcNow() };
        var violations = CampaignValidator.Validate(updated, "campaign");
        if (violations.Count > 0) throw new ValidationFailedException(violations);
        var experiment = await experiments.GetAsync(team, campaign.ExperimentId, cancellationToken);
        CampaignValidator.EnsureFitsExperiment(updated, experiment);
        return await experiments.UpdateCampaignAsync(team, updated, etag.Length == 0 ? current.Etag : etag, cancellationToken);
    }

    private async Task EnsureArmsAreVersionsThatDifferAsync(TeamId team, ExperimentDesign design, CancellationToken cancellationToken)
    {
        var control = await GetArmVersionAsync(team, design.ProfileId, design.Control, "experiment.control", cancellationToken);
        var violations = new List<FieldViolation>();
        for (int i = 0; i < design.Variants.Count; i++)
        {
            var variant = await GetArmVersionAsync(team, design.ProfileId, design.Variants[i], $"experiment.variants[{i}]", cancellationToken);
            if (ProfileDiffer.Diff(control, variant).Changes.Count == 0)
                violations.Add(new FieldViolation($"experiment.variants[{i}].profile_version", "must change at least one criterion of the control version."));
        }

        if (violations.Count > 0) throw new ValidationFailedException(violations);
    }

    private async Task<ProfileVersion> GetArmVersionAsync(TeamId team, string profileId, ArmDesign arm, string field, CancellationToken cancellationToken)
    {
        try
        {
            return await profiles.GetVersionAsync(team, profileId, arm.ProfileVersion, cancellationToken);
        }
        catch (NotFoundException)
        {
            throw new ValidationFailedException($"{field}.profile_version", $"profile '{profileId}' has no version {arm.ProfileVersion}.");
        }
    }
}
