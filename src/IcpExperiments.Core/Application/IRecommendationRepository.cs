using IcpExperiments.Core.Recommendations;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>
/// Applied recommendations, scoped to a team. <see cref="ApplyAsync"/> writes the new profile version and the
/// <see cref="AppliedRecommendation"/> record in one transaction, keyed by team and experiment, so a crash cannot leave
/// one without the other and concurrent applies of one experiment create a single version.
/// </summary>
public interface IRecommendationRepository
{
    /// <summary>The recommendation already applied for the experiment, or null.</summary>
    Task<AppliedRecommendation?> FindAppliedAsync(TeamId team, string experimentId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the version and its record unless the experiment's recommendation was applied already, in which case the
    /// earlier version is returned with <see cref="AppliedVersion.Created"/> false. Throws PreconditionFailedException
    /// (PROFILE_CHANGED_SINCE_EXPERIMENT) when the profile got a version other than the experiment's arms after the
    /// experiment started.
    /// </summary>
    Task<AppliedVersion> ApplyAsync(TeamId team, RecommendationApplication application, CancellationToken cancellationToken);
}
