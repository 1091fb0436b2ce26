using IcpExperiments.Core.Application;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Profiles;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Mapping;
using IcpExperiments.Storage.Paging;
using Microsoft.EntityFrameworkCore;

namespace IcpExperiments.Storage.Repositories;

/// <summary>Profiles and their immutable versions; every query is filtered on the caller's team.</summary>
internal sealed class ProfileRepository(IcpExperimentsDbContext db, IStorageProvider provider) : IProfileRepository
{
    public Task<Profile> CreateAsync(TeamId team, Profile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return WriteTransaction.RunAsync(db, provider, async () =>
        {
            if (await db.Profiles.AnyAsync(p => p.TeamId == team.Value && p.Id == profile.Id, cancellationToken))
                throw new AlreadyExistsException("PROFILE_ALREADY_EXISTS", $"Profile '{profile.Id}' already exists.");
            var row = ProfileMapper.ToEntity(team, profile with { LatestVersion = 0 });
            db.Profiles.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            return ProfileMapper.ToDomain(row);
        }, cancellationToken);
    }

    public async Task<Profile> GetAsync(TeamId team, string profileId, CancellationToken cancellationToken)
    {
        var row = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.TeamId == team.Value && p.Id == profileId, cancellationToken);
        return row is null ? throw new NotFoundException("Profile", profileId) : ProfileMapper.ToDomain(row);
    }

    public Task<Page<Profile>> ListAsync(TeamId team, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var after = PageToken.Decode(page.PageToken, 1);
        var query = db.Profiles.AsNoTracking().Where(p => p.TeamId == team.Value);
        if (after is not null) query = query.Where(p => string.Compare(p.Id, after[0]) > 0);
        return KeysetPager.ReadAsync(query.OrderBy(p => p.Id), page, p => [p.Id], ProfileMapper.ToDomain, cancellationToken);
    }

    public Task<ProfileVersion> AddVersionAsync(TeamId team, string profileId, ProfileContent content, string changeNote, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteTransaction.RunAsync(db, provider, () => ProfileVersionWriter.AddAsync(db, team, profileId, content, changeNote, now, cancellationToken), cancellationToken);

    public async Task<ProfileVersion> GetVersionAsync(TeamId team, string profileId, int number, CancellationToken cancellationToken)
    {
        var row = await db.ProfileVersions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.TeamId == team.Value && v.ProfileId == profileId && v.Number == number, cancellationToken);
        if (row is null) throw new NotFoundException("ProfileVersion", $"{profileId}/versions/{number}");
        return (await VersionOrigins.AttachAsync(db, team, profileId, [ProfileMapper.ToDomain(row)], cancellationToken))[0];
    }

    public async Task<Page<ProfileVersion>> ListVersionsAsync(TeamId team, string profileId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var after = PageToken.Decode(page.PageToken, 1);
        await GetAsync(team, profileId, cancellationToken);
        var query = db.ProfileVersions.AsNoTracking().Where(v => v.TeamId == team.Value && v.ProfileId == profileId);
        if (after is not null)
        {
            var afterNumber = PageKeys.ParseInt(after[0]);
            query = query.Where(v => v.Number > afterNumber);
        }

        var versions = await KeysetPager.ReadAsync(query.OrderBy(v => v.Number), page, v => [PageKeys.Format(v.Number)], ProfileMapper.ToDomain, cancellationToken);
        return versions with { Items = await VersionOrigins.AttachAsync(db, team, profileId, versions.Items, cancellationToken) };
    }
}
