namespace IcpExperiments.Core.Profiles;

/// <summary>One difference between two versions, keyed by attribute. <see cref="Before"/> is null when added, <see cref="After"/> when removed.</summary>
public sealed record CriterionChange(string Attribute, ChangeKind Kind, Criterion? Before, Criterion? After, ChangeDirection Direction);
