namespace IcpExperiments.Core.Profiles;

/// <summary>How a change moves the set of matching accounts (set / range containment).</summary>
public enum ChangeDirection
{
    /// <summary>Every account matched before still matches, and possibly more (e.g. a criterion removed, a range extended).</summary>
    Widening,

    /// <summary>Every account matched after was matched before (e.g. a criterion added, a value dropped from an IN set).</summary>
    Narrowing,

    /// <summary>Neither contains the other (e.g. a range shifted, a value swapped).</summary>
    Mixed,
}
