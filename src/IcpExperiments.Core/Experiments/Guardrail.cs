namespace IcpExperiments.Core.Experiments;

/// <summary>A metric that must not get worse by more than <see cref="ToleratedRelativeHarm"/> (fraction in [0, 1), e.g. 0.05 = 5%).</summary>
public sealed record Guardrail(Metric Metric, double ToleratedRelativeHarm);
