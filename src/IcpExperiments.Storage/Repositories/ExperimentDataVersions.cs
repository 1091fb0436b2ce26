using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace IcpExperiments.Storage.Repositories;

internal sealed class ExperimentDataVersions(IcpExperimentsDbContext db) : IExperimentDataVersions
{
    public async Task<long> GetAsync(TeamId team, string experimentId, CancellationToken cancellationToken)
    {
        var versions = await db.Experiments.AsNoTracking()
            .Where(e => e.TeamId == team.Value && e.Id == experimentId)
            .Select(e => (long?)e.DataVersion)
            .ToListAsync(cancellationToken);
        return versions.Count == 1 ? versions[0]!.Value : throw new NotFoundException("Experiment", experimentId);
    }
}
