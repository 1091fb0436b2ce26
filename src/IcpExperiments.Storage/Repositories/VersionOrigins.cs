using IcpExperiments.Core.Profiles;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Mapping;
using Microsoft.EntityFrameworkCore;

namespace IcpExperiments.Storage.Repositories;

/// <summary>Reads the applied recommendations versions came from, so a version read through any call carries its provenance.</summary>
internal static class VersionOrigins
{
    public static async Task<IReadOnlyList<ProfileVersion>> AttachAsync(
        IcpExperimentsDbContext db, TeamId team, string profileId, IReadOnlyList<ProfileVersion> versions, CancellationToken cancellationToken)
    {
        if (versions.Count == 0) return versions;
        var numbers = versions.Select(v => v.Number).ToList();
        var rows = await db.AppliedRecommendations.AsNoTracking()
            .Where(a => a.TeamId == team.Value && a.ProfileId == profileId && numbers.Contains(a.VersionNumber))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0) return versions;
        var byNumber = rows.ToDictionary(r => r.VersionNumber, AppliedRecommendationMapper.ToDomain);
        return versions.Select(v => byNumber.TryGetValue(v.Number, out var origin) ? v with { Origin = origin } : v).ToList();
    }
}
