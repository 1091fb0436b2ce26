using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Core.Recommendations;

/// <summary>
/// Fixed-effect inverse-variance pool of relative effects (on the log ratio scale), back-transformed to a relative
/// change, with Cochran's Q p-value for heterogeneity (small: the experiments disagree more than chance allows).
/// </summary>
public sealed record PooledEffect(int Tests, double Estimate, Interval Interval, double StandardErrorOfLogRatio, double HeterogeneityPValue);
