namespace IcpExperiments.Core.Profiles;

/// <summary>Free-text context of an ICP version (not used for matching). Each section at most 10,000 characters.</summary>
public sealed record ProfileText(string Psychographics, string Goals, string PainPoints, string BuyingProcess)
{
    public static ProfileText Empty { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty);
}
