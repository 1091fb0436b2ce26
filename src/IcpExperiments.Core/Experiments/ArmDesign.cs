namespace IcpExperiments.Core.Experiments;

/// <summary>
/// One arm: a version of the experiment's profile, the planned share of accounts (fraction in (0, 1)) and a key
/// unique in the experiment (lower-kebab, 1–63 characters, e.g. <c>control</c>, <c>variant-a</c>).
/// </summary>
public sealed record ArmDesign(string Key, int ProfileVersion, double Allocation, string Description);
