using IcpExperiments.Core.Teams;

namespace IcpExperiments.Storage;

/// <summary>
/// The data version of an experiment: a counter bumped in the same transaction as every enrolment or outcome write
/// (never by design or state edits), so a cached analysis is current exactly while the version is unchanged.
/// </summary>
public interface IExperimentDataVersions
{
    /// <summary>The current version (0 before the first write); NotFoundException when the team has no such experiment.</summary>
    Task<long> GetAsync(TeamId team, string experimentId, CancellationToken cancellationToken);
}
