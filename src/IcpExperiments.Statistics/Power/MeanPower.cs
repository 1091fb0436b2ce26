using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Statistics.Power;

/// <summary>
/// Power and sample size for a two-sample z test of means with a common standard deviation σ (large-sample
/// approximation of Welch's t, appropriate at B2B experiment sizes). Matches statsmodels NormalIndPower with
/// effect_size = δ / σ, nobs1 = variant accounts, ratio = control / variant accounts.
/// </summary>
public static class MeanPower
{
    /// <summary>Two-sided power to detect a difference <paramref name="effect"/> (≠ 0) of means with per-account SD σ &gt; 0.</summary>
    public static double Power(double effect, double standardDeviation, long controlAccounts, long variantAccounts, double alpha = 0.05)
    {
        NormalPower.ValidateAccounts(controlAccounts, variantAccounts);
        double sd = StandardDeviation(effect, standardDeviation, (double)controlAccounts / variantAccounts, alpha);
        return NormalPower.TwoSided(Math.Abs(effect), variantAccounts, alpha, sd, sd);
    }

    /// <summary>Accounts per arm for <paramref name="power"/> in (0, 1), with controlPerVariant control accounts per variant account.</summary>
    public static SampleSizePlan SampleSize(double effect, double standardDeviation, double power = 0.8, double alpha = 0.05, double controlPerVariant = 1)
    {
        NormalPower.ValidatePower(power);
        NormalPower.ValidateRatio(controlPerVariant);
        double sd = StandardDeviation(effect, standardDeviation, controlPerVariant, alpha);
        double exact = NormalPower.SampleSize(Math.Abs(effect), power, alpha, sd, sd);
        long variant = (long)Math.Ceiling(exact), control = (long)Math.Ceiling(exact * controlPerVariant);
        return new SampleSizePlan(exact, variant, control, Power(effect, standardDeviation, control, variant, alpha));
    }

    /// <summary>SD of the difference of means scaled to one variant account: σ·√(1 + 1/ratio).</summary>
    private static double StandardDeviation(double effect, double standardDeviation, double controlPerVariant, double alpha)
    {
        Guard.Alpha(alpha);
        Guard.Positive(standardDeviation, nameof(standardDeviation));
        Guard.Finite(effect, nameof(effect));
        if (effect == 0) throw new ArgumentOutOfRangeException(nameof(effect), effect, "effect must be non-zero.");
        return standardDeviation * Math.Sqrt(1 + 1 / controlPerVariant);
    }
}
