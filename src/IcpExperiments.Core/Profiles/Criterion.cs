namespace IcpExperiments.Core.Profiles;

/// <summary>
/// A typed predicate over one account attribute (lower_snake key such as <c>industry</c> or <c>employee_count</c>).
/// A profile version holds at most one criterion per attribute, so two versions diff attribute by attribute.
/// </summary>
public abstract record Criterion(string Attribute);
