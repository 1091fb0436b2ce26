using IcpExperiments.Statistics.Distributions;

namespace IcpExperiments.Statistics.Power;

/// <summary>
/// Power and sample size of a two-sided z test whose difference estimate has standard deviation σ₀/√n under the
/// null and σ₁/√n under the alternative (n = variant accounts). Same formulas as statsmodels'
/// normal_power_het and normal_sample_size_one_tail.
/// </summary>
internal static class NormalPower
{
    /// <summary>P(reject) with both rejection tails counted.</summary>
    public static double TwoSided(double effect, double n, double alpha, double sdNull, double sdAlternative)
    {
        double critical = Normal.UpperQuantile(alpha / 2);
        double ratio = sdNull / sdAlternative, shift = effect * Math.Sqrt(n) / sdAlternative;
        return Normal.Sf(critical * ratio - shift) + Normal.Cdf(-critical * ratio - shift);
    }

    /// <summary>Variant accounts needed: ((z_{α/2}·σ₀ + z_β·σ₁) / δ)², ignoring the negligible far rejection tail.</summary>
    public static double SampleSize(double effect, double power, double alpha, double sdNull, double sdAlternative)
    {
        double critical = Normal.UpperQuantile(alpha / 2), powerQuantile = Normal.Quantile(power);
        double root = (critical * sdNull + powerQuantile * sdAlternative) / effect;
        return root * root;
    }

    public static void ValidatePower(double power)
    {
        if (!(power > 0 && power < 1)) throw new ArgumentOutOfRangeException(nameof(power), power, "power must be in (0, 1).");
    }

    public static void ValidateRatio(double controlPerVariant)
    {
        if (!(controlPerVariant > 0) || double.IsInfinity(controlPerVariant))
            throw new ArgumentOutOfRangeException(nameof(controlPerVariant), controlPerVariant, "controlPerVariant must be finite and > 0.");
    }

    public static void ValidateAccounts(long controlAccounts, long variantAccounts)
    {
        if (controlAccounts <= 0) throw new ArgumentOutOfRangeException(nameof(controlAccounts), controlAccounts, "controlAccounts must be > 0.");
        if (variantAccounts <= 0) throw new ArgumentOutOfRangeException(nameof(variantAccounts), variantAccounts, "variantAccounts must be > 0.");
    }
}
