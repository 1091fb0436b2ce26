using IcpExperiments.Core.Profiles;

namespace IcpExperiments.Core.Recommendations;

/// <summary>One arm of a follow-up: a lower-kebab key, what it tests, the single change and the resulting content.</summary>
public sealed record FollowUpArm(string Key, string Description, CriterionChange Change, ProfileContent Content);
