using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Core.Analysis;

/// <summary>
/// Power on the primary metric for the design's MDE: achieved power now (the weakest variant), accounts still needed
/// across all arms to reach the planned power, and days at the current enrolment rate (null when it cannot be estimated).
/// </summary>
public sealed record PowerStatus(
    Metric Metric,
    double? AchievedPower,
    long? AccountsPerArmNeeded,
    long? AccountsStillNeeded,
    double? AccountsPerDay,
    double? DaysStillNeeded,
    string Note,
    string? NotComputableReason);
