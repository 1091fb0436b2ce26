using IcpExperiments.Statistics.Distributions;

namespace IcpExperiments.Core.Analysis;

/// <summary>χ² goodness of fit of enrolled counts per arm against the planned allocation (normalised to sum to 1).</summary>
internal static class SampleRatioAnalysis
{
    public static SampleRatioResult Run(IReadOnlyList<ArmSummary> arms)
    {
        long total = 0;
        double allocation = 0;
        foreach (var arm in arms)
        {
            total += arm.Enrolled;
            allocation += arm.PlannedAllocation;
        }

        const double threshold = AnalysisOptions.SampleRatioThreshold;
        if (total == 0) return new SampleRatioResult(null, null, threshold, false, "No accounts enrolled yet.");

        double chiSquare = 0;
        foreach (var arm in arms)
        {
            double expected = total * arm.PlannedAllocation / allocation;
            double deviation = arm.Enrolled - expected;
            chiSquare += deviation * deviation / expected;
        }

        double p = ChiSquared.Sf(chiSquare, arms.Count - 1);
        bool failed = p < threshold;
        string note = failed
            ? $"Sample ratio mismatch (χ² = {chiSquare:0.##}, p = {p:0.####}): arm sizes differ from the planned split more than chance allows; check assignment and tracking before trusting any result."
            : $"Arm sizes match the planned split (p = {p:0.####}).";
        return new SampleRatioResult(chiSquare, p, threshold, failed, note);
    }
}
