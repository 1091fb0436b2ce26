namespace IcpExperiments.Core.Teams;

/// <summary>
/// The team that owns a resource. Every stored row carries one and every query filters on it, so one team never sees
/// another's data. Until authentication lands every caller acts for <see cref="Default"/>.
/// </summary>
public readonly record struct TeamId(string Value)
{
    public static TeamId Default { get; } = new("default");

    public override string ToString() => Value;
}
