using IcpExperiments.Statistics.Diagnostics;

namespace IcpExperiments.Core.Analysis;

/// <summary>The sample-ratio check on the arms' enrolled counts against the planned allocation, in words a growth team reads.</summary>
internal static class SampleRatioAnalysis
{
    public static SampleRatioResult Run(IReadOnlyList<ArmSummary> arms)
    {
        var observed = new long[arms.Count];
        var planned = new double[arms.Count];
        for (int i = 0; i < arms.Count; i++)
        {
            observed[i] = arms[i].Enrolled;
            planned[i] = arms[i].PlannedAllocation;
        }

        var check = SampleRatioMismatch.Check(observed, planned, AnalysisOptions.SampleRatioThreshold);
        if (!check.IsComputable) return new SampleRatioResult(null, null, check.Threshold, false, "No accounts enrolled yet.");
        string note = check.IsMismatch
            ? $"Sample ratio mismatch (χ² = {check.ChiSquare:0.##}, p = {check.PValue:G2}): arm sizes differ from the planned split more than chance allows; check assignment and tracking before trusting any result."
            : $"Arm sizes match the planned split (p = {check.PValue:0.####}).";
        return new SampleRatioResult(check.ChiSquare, check.PValue, check.Threshold, check.IsMismatch, note);
    }
}
