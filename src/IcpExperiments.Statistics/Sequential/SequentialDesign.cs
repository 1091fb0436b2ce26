using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Statistics.Sequential;

/// <summary>
/// Fixed before the first look: the error rate and the total sample size (both arms) at which the confidence
/// sequence should be tightest. Changing either after seeing data voids the guarantee.
/// </summary>
public sealed record SequentialDesign
{
    /// <param name="alpha">Type I error over all looks, in (0, 1).</param>
    /// <param name="tuningSampleSize">Total accounts (control + variant) where the boundary is tightest, e.g. the planned sample; ≥ 1.</param>
    public SequentialDesign(double alpha, long tuningSampleSize)
    {
        Guard.Alpha(alpha);
        if (tuningSampleSize < 1) throw new ArgumentOutOfRangeException(nameof(tuningSampleSize), tuningSampleSize, "tuningSampleSize must be ≥ 1.");
        Alpha = alpha;
        TuningSampleSize = tuningSampleSize;
        double logTerm = -2 * Math.Log(alpha);
        MixingPrecisionPerAccount = (logTerm + Math.Log(1 + logTerm)) / tuningSampleSize;
    }

    public double Alpha { get; }

    public long TuningSampleSize { get; }

    /// <summary>ρ² = (−2 ln α + ln(1 − 2 ln α)) / N*, Waudby-Smith et al.'s choice that minimises the width at N*.</summary>
    public double MixingPrecisionPerAccount { get; }
}
