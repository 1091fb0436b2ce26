

namespace IcpExperiments.Core.Profiles;

/// <summary>Diffs two versions criterion by criterion (keyed by attribute) and classes each change by set / range containment.</summary>
public static class ProfileDiffer
{
    public static ProfileDiff Diff(ProfileVersion from, ProfileVersion to) => throw new NotImplementedException("core helper implements this");
}
