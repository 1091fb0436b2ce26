using IcpExperiments.Core.Errors;

namespace IcpExperiments.Core.Application;

/// <summary>Client-chosen resource ids: 1–63 characters of lower-case letters, digits and '-', starting with a letter (AIP-122).</summary>
public static class ResourceIds
{
    /// <summary>Violations of the id rules for <paramref name="field"/>; empty when valid.</summary>
    public static IEnumerable<FieldViolation> Validate(string id, string field) => throw new NotImplementedException("core helper implements this");

    /// <summary>A new random id with the given prefix, e.g. <c>exp-3f9a1c0d2b7e</c>.</summary>
    public static string New(string prefix) => throw new NotImplementedException("core helper implements this");
}
