using IcpExperiments.Core.Profiles;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Conversions;
using IcpExperiments.Storage.Entities;

namespace IcpExperiments.Storage.Mapping;

internal static class ProfileMapper
{
    public static Profile ToDomain(ProfileEntity row) =>
        new(row.Id, row.DisplayName, row.Description, row.LatestVersion, row.CreatedAt, row.UpdatedAt);

    public static ProfileEntity ToEntity(TeamId team, Profile profile) => new()
    {
        TeamId = team.Value,
        Id = profile.Id,
        DisplayName = profile.DisplayName,
        Description = profile.Description,
        LatestVersion = profile.LatestVersion,
        CreatedAt = profile.CreatedAt,
        UpdatedAt = profile.UpdatedAt,
    };

    public static ProfileVersion ToDomain(ProfileVersionEntity row) => new(
        row.ProfileId,
        row.Number,
        new ProfileContent(
            StorageJson.Deserialize<List<Criterion>>(row.CriteriaJson),
            new ProfileText(row.Psychographics, row.Goals, row.PainPoints, row.BuyingProcess),
            StorageJson.Deserialize<List<FitTier>>(row.FitTiersJson)),
        row.ChangeNote,
        row.CreatedAt);

    public static ProfileVersionEntity ToEntity(TeamId team, ProfileVersion version) => new()
    {
        TeamId = team.Value,
        ProfileId = version.ProfileId,
        Number = version.Number,
        CriteriaJson = StorageJson.Serialize(version.Content.Criteria),
        FitTiersJson = StorageJson.Serialize(version.Content.FitTiers),
        Psychographics = version.Content.Text.Psychographics,
        Goals = version.Content.Text.Goals,
        PainPoints = version.Content.Text.PainPoints,
        BuyingProcess = version.Content.Text.BuyingProcess,
        ChangeNote = version.ChangeNote,
        CreatedAt = version.CreatedAt,
    };
}
