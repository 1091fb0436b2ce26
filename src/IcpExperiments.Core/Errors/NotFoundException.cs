namespace IcpExperiments.Core.Errors;

/// <summary>The resource does not exist for the caller's team; maps to NOT_FOUND (other teams' resources too).</summary>
public sealed class NotFoundException : DomainException
{
    public NotFoundException(string resourceType, string resourceName)
        : base($"{ToUpperSnake(resourceType)}_NOT_FOUND", $"{resourceType} '{resourceName}' was not found.")
    {
        ResourceType = resourceType;
        ResourceName = resourceName;
    }

    public string ResourceType { get; }

    public string ResourceName { get; }

    private static string ToUpperSnake(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
}
