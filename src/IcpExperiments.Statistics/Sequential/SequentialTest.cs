using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Statistics.Sequential;

/// <summary>
/// Peeking-safe inference for a difference between arms: the mixture sequential probability ratio test with a
/// normal mixture (Johari, Koomen, Pekelis, Walsh 2017) applied to the asymptotically normal difference estimate,
/// with the mixing variance set by the tuning-sample-size rule of Waudby-Smith et al. (2023). With that choice
/// the mSPRT's confidence sequence is exactly their asymptotic (Gaussian-mixture) confidence sequence; see
/// Sequential/README.md. Unpooled variances: the p-value is below α exactly when the sequence excludes 0.
/// </summary>
public static class SequentialTest
{
    private const string ProportionsMethod = "Always-valid mSPRT (normal mixture), difference in proportions";
    private const string MeansMethod = "Always-valid mSPRT (normal mixture), difference in means";

    /// <summary>
    /// Difference of conversion rates, variant − control. Pass the result of the previous look as
    /// <paramref name="previous"/> to get a p-value that never increases and a sequence that never widens
    /// (running minimum and running intersection, both valid under continuous monitoring).
    /// </summary>
    public static TestResult Proportions(
        long controlSuccesses, long controlTrials, long variantSuccesses, long variantTrials, SequentialDesign design, TestResult? previous = null)
    {
        Guard.Counts(controlSuccesses, controlTrials, nameof(controlSuccesses), nameof(controlTrials));
        Guard.Counts(variantSuccesses, variantTrials, nameof(variantSuccesses), nameof(variantTrials));
        double pc = (double)controlSuccesses / controlTrials, pv = (double)variantSuccesses / variantTrials;
        double variance = pc * (1 - pc) / controlTrials + pv * (1 - pv) / variantTrials;
        return Look(ProportionsMethod, pv - pc, variance, controlTrials + variantTrials, design, previous);
    }

    /// <summary>Difference of means, variant − control, from each arm's moments (≥ 2 accounts each); see <see cref="Proportions"/>.</summary>
    public static TestResult Means(SampleMoments control, SampleMoments variant, SequentialDesign design, TestResult? previous = null)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(variant);
        if (control.Count < 2 || variant.Count < 2)
            return TestResult.NotComputable(MeansMethod, "Each arm needs at least 2 accounts to estimate its variance.");
        double variance = control.VarianceOfMean + variant.VarianceOfMean;
        return Look(MeansMethod, variant.Mean - control.Mean, variance, control.Count + variant.Count, design, previous);
    }

    private static TestResult Look(string method, double estimate, double variance, long totalAccounts, SequentialDesign design, TestResult? previous)
    {
        ArgumentNullException.ThrowIfNull(design);
        if (!(variance > 0))
            return previous is { IsComputable: true } ? previous : TestResult.NotComputable(method, "Zero variance: every account in both arms has the same outcome.");

        var boundary = NormalMixture.Evaluate(estimate, variance, design.MixingPrecisionPerAccount * totalAccounts, design.Alpha);
        double pValue = boundary.PValue;
        var interval = new Interval(estimate - boundary.HalfWidth, estimate + boundary.HalfWidth);
        var notes = new List<string> { $"Tuned for {design.TuningSampleSize} accounts; valid at any number of looks." };
        if (previous is { IsComputable: true })
        {
            pValue = Math.Min(pValue, previous.PValue);
            var intersection = new Interval(
                Math.Max(interval.Lower, previous.ConfidenceInterval.Lower), Math.Min(interval.Upper, previous.ConfidenceInterval.Upper));
            if (intersection.Lower <= intersection.Upper) interval = intersection;
            else notes.Add("Running intersection was empty (probability ≤ alpha under the model); current sequence reported.");
        }

        return new TestResult(method, estimate / Math.Sqrt(variance), pValue, estimate, interval, null, notes);
    }
}
