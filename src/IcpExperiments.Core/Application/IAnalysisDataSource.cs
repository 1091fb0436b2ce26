using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>
/// What the analyzer reads from storage: a cheap look at what an analysis depends on (checked on every call, so a
/// cached result can be reused), and the full snapshot of one experiment's accounts (read only on a cache miss).
/// Every read is scoped to the team.
/// </summary>
public interface IAnalysisDataSource
{
    /// <summary>The experiment, its data version and campaign spend per arm; NotFoundException when the team has no such experiment.</summary>
    Task<AnalysisInputs> ReadInputsAsync(TeamId team, string experimentId, CancellationToken cancellationToken);

    /// <summary>
    /// Every enrolled account of the experiment as of <paramref name="asOf"/>, with campaign spend, read in one
    /// consistent transaction together with the data version the snapshot reflects.
    /// </summary>
    Task<LoadedSnapshot> LoadSnapshotAsync(TeamId team, Experiments.Experiment experiment, DateTimeOffset asOf, CancellationToken cancellationToken);
}
