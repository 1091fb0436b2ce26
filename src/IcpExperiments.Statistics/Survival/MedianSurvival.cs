using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Statistics.Survival;

/// <summary>
/// Median survival time and its confidence interval, as R survival's print.survfit reports them
/// (interval read off the pointwise log-transformed bands, Brookmeyer–Crowley style).
/// </summary>
/// <param name="Estimate">First time S(t) ≤ 0.5 (midpoint rule where S(t) = 0.5 exactly over an interval); +∞ when not reached.</param>
/// <param name="ConfidenceInterval">
/// Lower: first time the lower band is ≤ 0.5; if it never is, the end of follow-up (the median lies beyond it; R prints NA).
/// Upper: first time the upper band is ≤ 0.5; +∞ if never (R prints NA).
/// </param>
/// <param name="IsReached">False when S(t) stays above 0.5 over the whole follow-up.</param>
public sealed record MedianSurvival(double Estimate, Interval ConfidenceInterval, bool IsReached);
