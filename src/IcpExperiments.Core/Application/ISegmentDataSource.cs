using IcpExperiments.Core.Analysis.Segments;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>Storage's side of the segment breakdown.</summary>
public interface ISegmentDataSource
{
    /// <summary>
    /// Every account of the experiment enrolled by <paramref name="asOf"/>, with its enrolment attributes and its
    /// outcome folded as for the results (outcome events after as-of ignored).
    /// </summary>
    Task<IReadOnlyList<SegmentedAccount>> ReadAccountsAsync(TeamId team, string experimentId, DateTimeOffset asOf, CancellationToken cancellationToken);
}
