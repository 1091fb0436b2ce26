namespace IcpExperiments.Statistics.Common;

/// <summary>
/// Outcome of a two-sample hypothesis test. When the data are degenerate (zero variance, no events, all tied)
/// <see cref="IsComputable"/> is false, the numbers are NaN and <see cref="Notes"/> says why: callers must
/// check it instead of trusting a NaN that looks like a number.
/// </summary>
/// <param name="Method">Human-readable method name, e.g. "Welch two-sample t-test".</param>
/// <param name="Statistic">Test statistic (z, t, χ², U … as the method defines it).</param>
/// <param name="PValue">Two-sided p-value in [0, 1].</param>
/// <param name="Estimate">Point estimate of the effect (variant minus control unless the method says otherwise).</param>
/// <param name="ConfidenceInterval">Interval for <see cref="Estimate"/> at the requested confidence level.</param>
/// <param name="DegreesOfFreedom">Degrees of freedom where the reference distribution has them; otherwise null.</param>
/// <param name="Notes">Remarks a reader needs, e.g. "Fisher exact used: expected cell &lt; 5".</param>
public sealed record TestResult(
    string Method,
    double Statistic,
    double PValue,
    double Estimate,
    Interval ConfidenceInterval,
    double? DegreesOfFreedom,
    IReadOnlyList<string> Notes)
{
    public bool IsComputable => !double.IsNaN(PValue);

    /// <summary>A defined "cannot be computed" result carrying the reason.</summary>
    public static TestResult NotComputable(string method, string reason) =>
        new(method, double.NaN, double.NaN, double.NaN, new Interval(double.NaN, double.NaN), null, [reason]);
}
