namespace IcpExperiments.Core.Analysis;

/// <summary>
/// One arm's counts as of the analysis instant. Open = censored (no win or loss observed inside the window yet).
/// <see cref="Cac"/> = spend / conversions, null when there are no conversions or no spend.
/// </summary>
public sealed record ArmSummary(
    string Key,
    double PlannedAllocation,
    long Enrolled,
    long Converted,
    long Lost,
    long Open,
    decimal Spend,
    decimal? Cac);
