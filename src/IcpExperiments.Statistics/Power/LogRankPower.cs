using IcpExperiments.Statistics.Common;
using IcpExperiments.Statistics.Distributions;

namespace IcpExperiments.Statistics.Power;

/// <summary>
/// Events needed and power for the log-rank test by Schoenfeld's formula (Schoenfeld 1983):
/// D = (z_{α/2} + z_β)² / (π(1 − π)·(ln HR)²), π the variant's share of accounts. Checked against an independent
/// SciPy computation of the same textbook formula.
/// </summary>
public static class LogRankPower
{
    /// <summary>Total events (both arms) for two-sided <paramref name="alpha"/> and <paramref name="power"/>; HR &gt; 0, ≠ 1.</summary>
    public static double EventsNeeded(double hazardRatio, double power = 0.8, double alpha = 0.05, double variantShare = 0.5)
    {
        Validate(hazardRatio, alpha, variantShare);
        NormalPower.ValidatePower(power);
        double logHr = Math.Log(hazardRatio);
        double root = Normal.UpperQuantile(alpha / 2) + Normal.Quantile(power);
        return root * root / (variantShare * (1 - variantShare) * logHr * logHr);
    }

    /// <summary>Two-sided power (both tails) after <paramref name="events"/> &gt; 0 events in total.</summary>
    public static double Power(double hazardRatio, double events, double alpha = 0.05, double variantShare = 0.5)
    {
        Validate(hazardRatio, alpha, variantShare);
        Guard.Positive(events, nameof(events));
        double shift = Math.Sqrt(events * variantShare * (1 - variantShare)) * Math.Abs(Math.Log(hazardRatio));
        double critical = Normal.UpperQuantile(alpha / 2);
        return Normal.Sf(critical - shift) + Normal.Cdf(-critical - shift);
    }

    /// <summary>Accounts to enrol so that <paramref name="events"/> are expected, given the probability in (0, 1] that an account has the event within follow-up.</summary>
    public static long AccountsNeeded(double events, double eventProbability)
    {
        Guard.Positive(events, nameof(events));
        if (!(eventProbability > 0 && eventProbability <= 1))
            throw new ArgumentOutOfRangeException(nameof(eventProbability), eventProbability, "eventProbability must be in (0, 1].");
        return (long)Math.Ceiling(events / eventProbability);
    }

    private static void Validate(double hazardRatio, double alpha, double variantShare)
    {
        Guard.Alpha(alpha);
        Guard.Positive(hazardRatio, nameof(hazardRatio));
        if (hazardRatio == 1) throw new ArgumentOutOfRangeException(nameof(hazardRatio), hazardRatio, "hazardRatio must differ from 1.");
        if (!(variantShare > 0 && variantShare < 1)) throw new ArgumentOutOfRangeException(nameof(variantShare), variantShare, "variantShare must be in (0, 1).");
    }
}
