namespace IcpExperiments.Core.Analysis;

/// <summary>
/// Inputs of a sample-size plan: control's expected conversion in (0, 1), the relative MDE (0.1 = detect a 10% lift),
/// alpha and power in (0, 1), the number of arms (≥ 2, control included), and optionally the enrolment rate
/// (accounts per day, all arms) and the ACV mean and standard deviation of won deals for a revenue-per-account plan.
/// </summary>
public sealed record SamplePlanRequest(
    double BaselineConversion,
    double MinimumDetectableEffect,
    double Alpha = 0.05,
    double Power = 0.8,
    int Arms = 2,
    double? AccountsPerDay = null,
    double? AcvMean = null,
    double? AcvStandardDeviation = null);
