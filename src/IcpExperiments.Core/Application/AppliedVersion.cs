using IcpExperiments.Core.Profiles;

namespace IcpExperiments.Core.Application;

/// <summary>The version an apply created, or found when the recommendation had been applied before (<see cref="Created"/> false).</summary>
public sealed record AppliedVersion(ProfileVersion Version, bool Created);
