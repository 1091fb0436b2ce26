using IcpExperiments.Core.Accounts;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Profiles;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>Use cases on profiles: create, version, diff and score. Validates with domain rules, then persists.</summary>
public sealed class ProfileApplicationService(IProfileRepository profiles, TimeProvider time)
{
    /// <summary>Creates a profile, and its version 1 when <paramref name="firstVersion"/> is given.</summary>
    public async Task<Profile> CreateAsync(TeamId team, string profileId, string displayName, string description, ProfileContent? firstVersion, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        violations.AddRange(ResourceIds.Validate(profileId, "profile_id"));
        violations.AddRange(TextRules.Validate(displayName, "profile.display_name", required: true, TextRules.MaxNameLength));
        violations.AddRange(TextRules.Validate(description, "profile.description", required: false, TextRules.MaxTextLength));
        if (firstVersion is not null) violations.AddRange(ProfileContentValidator.Validate(firstVersion, "first_version"));
        if (violations.Count > 0) throw new ValidationFailedException(violations);

        var now = time.GetUtcNow();
        var profile = await profiles.CreateAsync(team, new Profile(profileId, displayName, description, 0, now, now), cancellationToken);
        if (firstVersion is null) return profile;
        await profiles.AddVersionAsync(team, profileId, firstVersion, "Initial version.", now, cancellationToken);
        return await profiles.GetAsync(team, profileId, cancellationToken);
    }

    public Task<Profile> GetAsync(TeamId team, string profileId, CancellationToken cancellationToken) =>
        profiles.GetAsync(team, profileId, cancellationToken);

    public Task<Page<Profile>> ListAsync(TeamId team, PageRequest page, CancellationToken cancellationToken) =>
        profiles.ListAsync(team, page, cancellationToken);

    public Task<ProfileVersion> CreateVersionAsync(TeamId team, string profileId, ProfileContent content, string changeNote, CancellationToken cancellationToken)
    {
        var violations = ProfileContentValidator.Validate(content, "version").ToList();
        violations.AddRange(TextRules.Validate(changeNote, "version.change_note", required: false, TextRules.MaxTextLength));
        if (violations.Count > 0) throw new ValidationFailedException(violations);
        return profiles.AddVersionAsync(team, profileId, content, changeNote, time.GetUtcNow(), cancellationToken);
    }

    public Task<ProfileVersion> GetVersionAsync(TeamId team, string profileId, int number, CancellationToken cancellationToken) =>
        profiles.GetVersionAsync(team, profileId, number, cancellationToken);

    public Task<Page<ProfileVersion>> ListVersionsAsync(TeamId team, string profileId, PageRequest page, CancellationToken cancellationToken) =>
        profiles.ListVersionsAsync(team, profileId, page, cancellationToken);

    public async Task<ProfileDiff> DiffAsync(TeamId team, string profileId, int fromVersion, int toVersion, CancellationToken cancellationToken)
    {
        var from = await profiles.GetVersionAsync(team, profileId, fromVersion, cancellationToken);
        var to = await profiles.GetVersionAsync(team, profileId, toVersion, cancellationToken);
        return ProfileDiffer.Diff(from, to);
    }

    public async Task<IReadOnlyList<AccountScore>> ScoreAsync(TeamId team, string profileId, int version, IReadOnlyList<Account> accounts, CancellationToken cancellationToken)
    {
        var profileVersion = await profiles.GetVersionAsync(team, profileId, version, cancellationToken);
        return accounts.Select(a => AccountScorer.Score(profileVersion.Content, a)).ToList();
    }
}
