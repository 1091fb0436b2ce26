using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Profiles;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>
/// Persistence of profiles and their versions, always scoped to a team (another team's rows are never read).
/// Missing resources throw NotFoundException; a taken id throws AlreadyExistsException.
/// </summary>
public interface IProfileRepository
{
    Task<Profile> CreateAsync(TeamId team, Profile profile, CancellationToken cancellationToken);

    Task<Profile> GetAsync(TeamId team, string profileId, CancellationToken cancellationToken);

    Task<Page<Profile>> ListAsync(TeamId team, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Stores the next version (number = latest + 1, assigned atomically) and bumps the profile's latest version.</summary>
    Task<ProfileVersion> AddVersionAsync(TeamId team, string profileId, ProfileContent content, string changeNote, DateTimeOffset now, CancellationToken cancellationToken);

    Task<ProfileVersion> GetVersionAsync(TeamId team, string profileId, int number, CancellationToken cancellationToken);

    Task<Page<ProfileVersion>> ListVersionsAsync(TeamId team, string profileId, PageRequest page, CancellationToken cancellationToken);
}
