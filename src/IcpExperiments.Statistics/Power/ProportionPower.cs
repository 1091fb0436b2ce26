using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Statistics.Power;

/// <summary>
/// Power and sample size for the pooled two-proportion z test: pooled variance under the null, unpooled under
/// the alternative. Matches statsmodels power_proportions_2indep and samplesize_proportions_2indep_onetail with
/// prop2 = control rate, diff = absolute effect, nobs1 = variant accounts, ratio = control / variant accounts.
/// </summary>
public static class ProportionPower
{
    /// <summary>
    /// Two-sided power to detect <paramref name="absoluteEffect"/> (variant rate − control rate, non-zero, with the
    /// variant rate in (0, 1)) given the accounts per arm and <paramref name="alpha"/> in (0, 1).
    /// </summary>
    public static double Power(double controlRate, double absoluteEffect, long controlAccounts, long variantAccounts, double alpha = 0.05)
    {
        NormalPower.ValidateAccounts(controlAccounts, variantAccounts);
        var (sdNull, sdAlternative) = StandardDeviations(controlRate, absoluteEffect, (double)controlAccounts / variantAccounts, alpha);
        return NormalPower.TwoSided(Math.Abs(absoluteEffect), variantAccounts, alpha, sdNull, sdAlternative);
    }

    /// <summary>Accounts per arm for <paramref name="power"/> in (0, 1), with controlPerVariant control accounts per variant account.</summary>
    public static SampleSizePlan SampleSize(double controlRate, double absoluteEffect, double power = 0.8, double alpha = 0.05, double controlPerVariant = 1)
    {
        NormalPower.ValidatePower(power);
        NormalPower.ValidateRatio(controlPerVariant);
        var (sdNull, sdAlternative) = StandardDeviations(controlRate, absoluteEffect, controlPerVariant, alpha);
        double exact = NormalPower.SampleSize(Math.Abs(absoluteEffect), power, alpha, sdNull, sdAlternative);
        long variant = (long)Math.Ceiling(exact), control = (long)Math.Ceiling(exact * controlPerVariant);
        return new SampleSizePlan(exact, variant, control, Power(controlRate, absoluteEffect, control, variant, alpha));
    }

    private static (double SdNull, double SdAlternative) StandardDeviations(double controlRate, double absoluteEffect, double controlPerVariant, double alpha)
    {
        Guard.Alpha(alpha);
        if (!(controlRate > 0 && controlRate < 1)) throw new ArgumentOutOfRangeException(nameof(controlRate), controlRate, "controlRate must be in (0, 1).");
        double variantRate = controlRate + absoluteEffect;
        if (absoluteEffect == 0 || !(variantRate > 0 && variantRate < 1))
            throw new ArgumentOutOfRangeException(nameof(absoluteEffect), absoluteEffect, "absoluteEffect must be non-zero with controlRate + absoluteEffect in (0, 1).");
        double pooled = (variantRate + controlRate * controlPerVariant) / (1 + controlPerVariant);
        double sdNull = Math.Sqrt(pooled * (1 - pooled) * (1 + 1 / controlPerVariant));
        double sdAlternative = Math.Sqrt(variantRate * (1 - variantRate) + controlRate * (1 - controlRate) / controlPerVariant);
        return (sdNull, sdAlternative);
    }
}
