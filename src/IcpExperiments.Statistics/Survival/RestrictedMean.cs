using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Statistics.Survival;

/// <summary>Restricted mean survival time of one arm up to the horizon τ: the area under its Kaplan–Meier curve on [0, τ].</summary>
/// <param name="Estimate">RMST in time units, in [0, τ]; NaN only when <paramref name="IsComputable"/> is false.</param>
/// <param name="StandardError">Greenwood-type standard error (R survival's se(rmean), survRM2's formula).</param>
/// <param name="ConfidenceInterval">Normal interval Estimate ± z·SE.</param>
/// <param name="IsComputable">False when τ lies beyond the arm's follow-up while its curve is still above 0.</param>
public sealed record RestrictedMean(double Estimate, double StandardError, Interval ConfidenceInterval, bool IsComputable)
{
    internal static RestrictedMean NotComputable { get; } = new(double.NaN, double.NaN, new Interval(double.NaN, double.NaN), false);
}
