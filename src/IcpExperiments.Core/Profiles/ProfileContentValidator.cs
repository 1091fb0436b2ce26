using IcpExperiments.Core.Errors;

namespace IcpExperiments.Core.Profiles;

/// <summary>Rules of a profile version's content; field paths under <c>prefix</c> (e.g. <c>version.criteria[2].values</c>).</summary>
public static class ProfileContentValidator
{
    public static IReadOnlyList<FieldViolation> Validate(ProfileContent content, string prefix) => throw new NotImplementedException("core helper implements this");
}
