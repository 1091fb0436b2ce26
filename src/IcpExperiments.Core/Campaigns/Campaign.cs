namespace IcpExperiments.Core.Campaigns;

/// <summary>A campaign aimed at one arm's accounts; its spend (editable, etag-checked) gives CAC. End date null while ongoing.</summary>
public sealed record Campaign(
    string Id,
    string ExperimentId,
    string ArmKey,
    string DisplayName,
    Channel Channel,
    DateOnly StartDate,
    DateOnly? EndDate,
    Money Spend,
    string Etag,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
