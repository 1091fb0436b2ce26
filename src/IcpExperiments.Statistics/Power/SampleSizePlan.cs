namespace IcpExperiments.Statistics.Power;

/// <summary>Accounts needed per arm to detect the minimum detectable effect at the planned alpha and power.</summary>
/// <param name="ExactVariantAccounts">Unrounded variant accounts from the closed-form formula (statsmodels nobs1).</param>
/// <param name="VariantAccounts">Variant accounts, rounded up.</param>
/// <param name="ControlAccounts">Control accounts, rounded up from controlPerVariant × exact variant accounts.</param>
/// <param name="AchievedPower">Two-sided power at the rounded sample sizes (≥ the requested power).</param>
public sealed record SampleSizePlan(double ExactVariantAccounts, long VariantAccounts, long ControlAccounts, double AchievedPower)
{
    public long TotalAccounts => VariantAccounts + ControlAccounts;
}
