using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Core.Campaigns;

/// <summary>Rules of a campaign on its own, and against its experiment (arm exists, experiment still open).</summary>
public static class CampaignValidator
{
    public static IReadOnlyList<FieldViolation> Validate(Campaign campaign, string prefix) => throw new NotImplementedException("core helper implements this");

    public static void EnsureFitsExperiment(Campaign campaign, Experiment experiment) => throw new NotImplementedException("core helper implements this");
}
