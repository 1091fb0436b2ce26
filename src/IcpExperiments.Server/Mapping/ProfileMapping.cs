using IcpExperiments.Core.Profiles;
using IcpExperiments.Server.Validation;
using V1 = IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Mapping;

/// <summary>Profiles, versions, diffs and scores between the contract and the domain.</summary>
public static class ProfileMapping
{
    public static V1.Profile ToProto(Profile profile) => new()
    {
        Name = ResourceNames.OfProfile(profile.Id),
        DisplayName = profile.DisplayName,
        Description = profile.Description,
        LatestVersionNumber = profile.LatestVersion,
        CreateTime = CommonMapping.ToProto(profile.CreatedAt),
        UpdateTime = CommonMapping.ToProto(profile.UpdatedAt),
    };

    /// <summary>The content of a version to create (criteria, narrative, fit tiers).</summary>
    public static ProfileContent ToContent(V1.ProfileVersion version, string field, RequestValidation validation)
    {
        ArgumentNullException.ThrowIfNull(version);
        // REQUIRED in the contract (1-100 criteria): a version without criteria would qualify every account.
        validation.Check(version.Criteria.Count > 0, $"{field}.criteria", "is required: a version holds 1-100 criteria.");
        var criteria = CriterionMapping.ToDomain(version.Criteria, $"{field}.criteria", validation);
        var narrative = version.Narrative ?? new V1.ProfileNarrative();
        var text = new ProfileText(narrative.Psychographics, narrative.Goals, narrative.PainPoints, narrative.BuyingProcess);
        var tiers = new List<FitTier>();
        if (version.FitTiers is { } fitTiers)
        {
            AddTier(tiers, FitTierLevel.Best, fitTiers.Best, $"{field}.fit_tiers.best", validation);
            AddTier(tiers, FitTierLevel.Good, fitTiers.Good, $"{field}.fit_tiers.good", validation);
            AddTier(tiers, FitTierLevel.Bad, fitTiers.Bad, $"{field}.fit_tiers.bad", validation);
        }

        return new ProfileContent(criteria, text, tiers);
    }

    public static V1.ProfileVersion ToProto(ProfileVersion version)
    {
        var proto = new V1.ProfileVersion
        {
            Name = ResourceNames.OfProfileVersion(version.ProfileId, version.Number),
            VersionNumber = version.Number,
            ChangeNote = version.ChangeNote,
            Narrative = new V1.ProfileNarrative
            {
                Psychographics = version.Content.Text.Psychographics,
                Goals = version.Content.Text.Goals,
                PainPoints = version.Content.Text.PainPoints,
                BuyingProcess = version.Content.Text.BuyingProcess,
            },
            CreateTime = CommonMapping.ToProto(version.CreatedAt),
            Provenance = version.Origin is null ? null : RecommendationEvidenceMapping.ToProto(version.Origin),
        };
        proto.Criteria.AddRange(version.Content.Criteria.Select(CriterionMapping.ToProto));
        if (version.Content.FitTiers.Count > 0)
        {
            proto.FitTiers = new V1.FitTiers();
            foreach (var tier in version.Content.FitTiers)
                TierList(proto.FitTiers, tier.Level).AddRange(tier.Criteria.Select(CriterionMapping.ToProto));
        }

        return proto;
    }

    public static V1.DiffProfileVersionsResponse ToProto(ProfileDiff diff)
    {
        var response = new V1.DiffProfileVersionsResponse
        {
            OverallDirection = diff.OverallDirection is { } direction ? ToProto(direction) : V1.ChangeDirection.Unchanged,
        };
        response.Changes.AddRange(diff.Changes.Select(ToProto));
        return response;
    }

    public static V1.CriterionChange ToProto(CriterionChange change) => new()
    {
        Attribute = change.Attribute,
        Kind = change.Kind switch
        {
            ChangeKind.Added => V1.CriterionChange.Types.ChangeKind.Added,
            ChangeKind.Removed => V1.CriterionChange.Types.ChangeKind.Removed,
            _ => V1.CriterionChange.Types.ChangeKind.Changed,
        },
        Before = change.Before is null ? null : CriterionMapping.ToProto(change.Before),
        After = change.After is null ? null : CriterionMapping.ToProto(change.After),
        Direction = ToProto(change.Direction),
    };

    public static V1.AccountScore ToProto(AccountScore score)
    {
        var proto = new V1.AccountScore
        {
            AccountId = score.AccountId,
            Qualified = score.MatchesAll,
            FitTier = score.FitTier switch
            {
                FitTierLevel.Best => V1.FitTier.Best,
                FitTierLevel.Good => V1.FitTier.Good,
                FitTierLevel.Bad => V1.FitTier.Bad,
                _ => V1.FitTier.None,
            },
        };
        proto.MatchedCriteria.AddRange(score.Matched.Select(c => c.Attribute));
        proto.UnmatchedCriteria.AddRange(score.Unmatched.Select(c => c.Attribute));
        return proto;
    }

    private static V1.ChangeDirection ToProto(ChangeDirection direction) => direction switch
    {
        ChangeDirection.Widening => V1.ChangeDirection.Widening,
        ChangeDirection.Narrowing => V1.ChangeDirection.Narrowing,
        _ => V1.ChangeDirection.Mixed,
    };

    private static void AddTier(List<FitTier> tiers, FitTierLevel level, IEnumerable<V1.Criterion> criteria, string field, RequestValidation validation)
    {
        var mapped = CriterionMapping.ToDomain(criteria, field, validation);
        if (mapped.Count > 0) tiers.Add(new FitTier(level, mapped));
    }

    private static Google.Protobuf.Collections.RepeatedField<V1.Criterion> TierList(V1.FitTiers tiers, FitTierLevel level) => level switch
    {
        FitTierLevel.Best => tiers.Best,
        FitTierLevel.Good => tiers.Good,
        _ => tiers.Bad,
    };
}
