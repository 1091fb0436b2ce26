namespace IcpExperiments.Core.Profiles;

/// <summary>An immutable, numbered version of a profile. <see cref="ChangeNote"/> says why it was made.</summary>
public sealed record ProfileVersion(string ProfileId, int Number, ProfileContent Content, string ChangeNote, DateTimeOffset CreatedAt)
{
    /// <summary>The applied recommendation this version came from; null for versions created by hand.</summary>
    public Recommendations.AppliedRecommendation? Origin { get; init; }
}
