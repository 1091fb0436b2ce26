using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Statistics.Survival;

/// <summary>
/// The Kaplan–Meier curve just after one distinct event time.
/// </summary>
/// <param name="Time">Event time.</param>
/// <param name="AtRisk">Accounts at risk just before <paramref name="Time"/> (censored at the same time count as at risk).</param>
/// <param name="Events">Events at <paramref name="Time"/>.</param>
/// <param name="Survival">Kaplan–Meier estimate S(t) in [0, 1].</param>
/// <param name="StandardError">Greenwood standard error of S(t) (0 once S(t) = 0).</param>
/// <param name="ConfidenceInterval">
/// Pointwise interval from the log transform, exp(log S ± z·σ), upper end capped at 1 (R survfit conf.type = "log").
/// Where S(t) = 0 the log interval is undefined (R reports NA); it is reported as [0, 0] and ignored for the median.
/// </param>
public readonly record struct SurvivalPoint(
    double Time,
    int AtRisk,
    int Events,
    double Survival,
    double StandardError,
    Interval ConfidenceInterval);
