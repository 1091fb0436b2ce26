namespace IcpExperiments.Statistics.Survival;

/// <summary>Kaplan–Meier estimate for one arm: the curve at each distinct event time and the median.</summary>
/// <param name="Count">Accounts in the arm.</param>
/// <param name="EventCount">Observed events; the others are right-censored.</param>
/// <param name="MaxTime">End of follow-up (largest observed time).</param>
/// <param name="ConfidenceLevel">Level of the pointwise intervals and of the median interval, e.g. 0.95.</param>
/// <param name="Points">The curve, one point per distinct event time (S = 1 before the first); empty when no events.</param>
/// <param name="Median">Median survival time with its interval.</param>
public sealed record KaplanMeierCurve(
    int Count,
    int EventCount,
    double MaxTime,
    double ConfidenceLevel,
    SurvivalPoint[] Points,
    MedianSurvival Median)
{
    /// <summary>S(t): the estimate at time <paramref name="time"/> (right-continuous step function), by binary search.</summary>
    public double SurvivalAt(double time)
    {
        int lo = 0, hi = Points.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Points[mid].Time <= time) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }

        return found < 0 ? 1.0 : Points[found].Survival;
    }
}
