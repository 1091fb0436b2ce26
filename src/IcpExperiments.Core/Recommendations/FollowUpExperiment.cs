using IcpExperiments.Core.Profiles;

namespace IcpExperiments.Core.Recommendations;

/// <summary>
/// A proposed experiment that separates criteria changed together: control plus one arm per change, each arm being
/// control's content with that single change (<see cref="FollowUpArm"/>). Equal allocation is suggested.
/// </summary>
public sealed record FollowUpExperiment(string Hypothesis, ProfileContent Control, IReadOnlyList<FollowUpArm> Arms);
