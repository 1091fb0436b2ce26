using IcpExperiments.Core.Application;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Profiles;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Tests.Fakes;

/// <summary>An in-memory profile store for application-service tests (one team, no paging).</summary>
internal sealed class InMemoryProfileRepository : IProfileRepository
{
    private readonly Dictionary<string, Profile> profiles = [];
    private readonly List<ProfileVersion> versions = [];

    public IReadOnlyList<ProfileVersion> Versions => versions;

    public Task<Profile> CreateAsync(TeamId team, Profile profile, CancellationToken cancellationToken)
    {
        if (!profiles.TryAdd(profile.Id, profile)) throw new AlreadyExistsException("PROFILE_ALREADY_EXISTS", profile.Id);
        return Task.FromResult(profile);
    }

    public Task<Profile> GetAsync(TeamId team, string profileId, CancellationToken cancellationToken) =>
        Task.FromResult(profiles.TryGetValue(profileId, out var profile) ? profile : throw new NotFoundException("Profile", profileId));

    public Task<Page<Profile>> ListAsync(TeamId team, PageRequest page, CancellationToken cancellationToken) =>
        Task.FromResult(new Page<Profile>([.. profiles.Values], null));

    public async Task<ProfileVersion> AddVersionAsync(TeamId team, string profileId, ProfileContent content, string changeNote, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var profile = await GetAsync(team, profileId, cancellationToken);
        var version = new ProfileVersion(profileId, profile.LatestVersion + 1, content, changeNote, now);
        versions.Add(version);
        profiles[profileId] = profile with { LatestVersion = version.Number, UpdatedAt = now };
        return version;
    }

    public Task<ProfileVersion> GetVersionAsync(TeamId team, string profileId, int number, CancellationToken cancellationToken) =>
        Task.FromResult(versions.SingleOrDefault(v => v.ProfileId == profileId && v.Number == number) ?? throw new NotFoundException("ProfileVersion", $"{profileId}/{number}"));

    public Task<Page<ProfileVersion>> ListVersionsAsync(TeamId team, string profileId, PageRequest page, CancellationToken cancellationToken) =>
        Task.FromResult(new Page<ProfileVersion>([.. versions.Where(v => v.ProfileId == profileId)], null));
}
