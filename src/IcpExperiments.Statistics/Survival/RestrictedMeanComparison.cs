using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Statistics.Survival;

/// <summary>RMST per arm up to <paramref name="Horizon"/> and the variant-minus-control difference.</summary>
/// <param name="Horizon">τ, in the same unit as the input times (e.g. days).</param>
/// <param name="Control">Control arm's RMST.</param>
/// <param name="Variant">Variant arm's RMST.</param>
/// <param name="Difference">z statistic, two-sided p, estimate variant − control and its interval; SE = √(SE_c² + SE_v²).</param>
public sealed record RestrictedMeanComparison(double Horizon, RestrictedMean Control, RestrictedMean Variant, TestResult Difference);
