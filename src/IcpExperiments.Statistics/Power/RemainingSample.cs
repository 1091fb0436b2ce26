namespace IcpExperiments.Statistics.Power;

/// <summary>What a running experiment still needs to reach its planned sample.</summary>
/// <param name="AchievedPower">Power at the current accounts per arm for the planned effect.</param>
/// <param name="ControlAccountsStillNeeded">max(0, planned − current) for control.</param>
/// <param name="VariantAccountsStillNeeded">max(0, planned − current) for the variant.</param>
/// <param name="DaysStillNeeded">At the current total enrolment rate, assuming new accounts split as planned; null when no rate was given.</param>
public sealed record RemainingSample(double AchievedPower, long ControlAccountsStillNeeded, long VariantAccountsStillNeeded, double? DaysStillNeeded)
{
    public long TotalAccountsStillNeeded => ControlAccountsStillNeeded + VariantAccountsStillNeeded;

    public bool IsComplete => TotalAccountsStillNeeded == 0;

    /// <summary>
    /// Compares the current accounts with a plan. <paramref name="achievedPower"/> comes from ProportionPower.Power or
    /// MeanPower.Power at the current counts; <paramref name="accountsPerDay"/> (&gt; 0) turns the gap into days.
    /// </summary>
    public static RemainingSample From(SampleSizePlan plan, long currentControl, long currentVariant, double achievedPower, double? accountsPerDay = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (currentControl < 0) throw new ArgumentOutOfRangeException(nameof(currentControl), currentControl, "currentControl must be ≥ 0.");
        if (currentVariant < 0) throw new ArgumentOutOfRangeException(nameof(currentVariant), currentVariant, "currentVariant must be ≥ 0.");
        if (accountsPerDay is { } rate && !(rate > 0 && double.IsFinite(rate)))
            throw new ArgumentOutOfRangeException(nameof(accountsPerDay), rate, "accountsPerDay must be finite and > 0.");

        long control = Math.Max(0, plan.ControlAccounts - currentControl);
        long variant = Math.Max(0, plan.VariantAccounts - currentVariant);

        // Enrolment splits as planned, so the slower-filling arm decides when both are full.
        double? days = null;
        if (accountsPerDay is { } perDay)
        {
            double controlShare = (double)plan.ControlAccounts / plan.TotalAccounts;
            days = Math.Max(control / (perDay * controlShare), variant / (perDay * (1 - controlShare)));
        }

        return new RemainingSample(achievedPower, control, variant, days);
    }
}
