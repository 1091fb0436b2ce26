using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>
/// Analyses one experiment of a team as of an instant: storage's snapshot through <c>ResultsCalculator</c> and
/// <c>DecisionRules</c>. Implementations cache per experiment and data version, so a repeat call without new data does
/// not recompute. The analysis and recommendation services both read results through this one seam.
/// </summary>
public interface IExperimentAnalyzer
{
    /// <summary>NotFoundException when the team has no such experiment; FAILED_PRECONDITION while it is a draft.</summary>
    Task<ExperimentAnalysis> AnalyzeAsync(TeamId team, string experimentId, AnalysisRequest request, CancellationToken cancellationToken);
}
