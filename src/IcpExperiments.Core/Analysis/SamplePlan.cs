namespace IcpExperiments.Core.Analysis;

/// <summary>
/// Accounts per arm for conversion (and for revenue per account when an ACV spread was given), the total over all
/// arms, the power those sizes reach, the per-comparison alpha used, and days at the given enrolment rate.
/// </summary>
public sealed record SamplePlan(
    long AccountsPerArm,
    long TotalAccounts,
    double AchievedPower,
    double AlphaPerComparison,
    double? Days,
    long? RevenueAccountsPerArm,
    double? RevenueDays,
    string Note);
