using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Profiles;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Mapping;
using Microsoft.EntityFrameworkCore;

namespace IcpExperiments.Storage.Repositories;

/// <summary>Adds a profile's next version inside the caller's write transaction (shared by hand-made and applied versions).</summary>
internal static class ProfileVersionWriter
{
    public static async Task<ProfileVersion> AddAsync(
        IcpExperimentsDbContext db, TeamId team, string profileId, ProfileContent content, string changeNote, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Bumping first takes the write lock, so the number read back is ours alone.
        var bumped = await db.Profiles
            .Where(p => p.TeamId == team.Value && p.Id == profileId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LatestVersion, p => p.LatestVersion + 1).SetProperty(p => p.UpdatedAt, now), cancellationToken);
        if (bumped == 0) throw new NotFoundException("Profile", profileId);
        var number = await db.Profiles.Where(p => p.TeamId == team.Value && p.Id == profileId).Select(p => p.LatestVersion).SingleAsync(cancellationToken);

        var version = new ProfileVersion(profileId, number, content, changeNote, now);
        db.ProfileVersions.Add(ProfileMapper.ToEntity(team, version));
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }
}
