namespace IcpExperiments.Core.Profiles;

/// <summary>An ICP owned by a team. Its versions are immutable and numbered from 1; <see cref="LatestVersion"/> is 0 before the first.</summary>
public sealed record Profile(string Id, string DisplayName, string Description, int LatestVersion, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
