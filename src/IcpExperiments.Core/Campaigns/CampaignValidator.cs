using IcpExperiments.Core.Application;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Core.Campaigns;

/// <summary>Rules of a campaign on its own, and against its experiment (arm exists, experiment still open).</summary>
public static class CampaignValidator
{
    public const string ExperimentClosedReason = "EXPERIMENT_CLOSED";
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    public static IReadOnlyList<FieldViolation> Validate(Campaign campaign, string prefix)
    {
        var violations = new List<FieldViolation>();
        violations.AddRange(ResourceIds.Validate(campaign.Id, $"{prefix}.id"));
        violations.AddRange(ResourceIds.Validate(campaign.ExperimentId, $"{prefix}.experiment_id"));
        violations.AddRange(ResourceIds.Validate(campaign.ArmKey, $"{prefix}.arm_key"));
        violations.AddRange(TextRules.Validate(campaign.DisplayName, $"{prefix}.display_name", required: true, TextRules.MaxNameLength));
        if (!Enum.IsDefined(campaign.Channel))
            violations.Add(new FieldViolation($"{prefix}.channel", "must be a defined channel."));
        if (campaign.StartDate == default)
            violations.Add(new FieldViolation($"{prefix}.start_date", "is required."));
        else if (campaign.StartDate < EarliestDate)
            violations.Add(new FieldViolation($"{prefix}.start_date", $"must not be before {EarliestDate:yyyy-MM-dd}."));
        if (campaign.EndDate is { } end && end < campaign.StartDate)
            violations.Add(new FieldViolation($"{prefix}.end_date", $"must not be before the start date ({campaign.StartDate:yyyy-MM-dd})."));
        violations.AddRange(MoneyRules.Validate(campaign.Spend, $"{prefix}.spend"));
        return violations;
    }

    /// <summary>The arm must be one of the experiment's (INVALID_ARGUMENT); a Concluded or Archived experiment takes no campaign changes (FAILED_PRECONDITION).</summary>
    public static void EnsureFitsExperiment(Campaign campaign, Experiment experiment)
    {
        if (!experiment.Design.Arms.Any(a => a.Key == campaign.ArmKey))
        {
            var keys = string.Join(", ", experiment.Design.Arms.Select(a => a.Key));
            throw new ValidationFailedException("campaign.arm_key", $"experiment '{experiment.Id}' has no arm '{campaign.ArmKey}' (its arms: {keys}).");
        }

        if (experiment.State is ExperimentState.Concluded or ExperimentState.Archived)
            throw new PreconditionFailedException(ExperimentClosedReason, $"Experiment '{experiment.Id}' is {experiment.State.Display()}: its campaigns can no longer change.");
    }
}
