namespace IcpExperiments.Statistics.Diagnostics;

/// <summary>Outcome of a sample-ratio-mismatch check.</summary>
/// <param name="ChiSquare">Pearson χ² goodness-of-fit statistic (NaN when not computable).</param>
/// <param name="DegreesOfFreedom">Number of arms − 1.</param>
/// <param name="PValue">P(χ² ≥ statistic) under the planned allocation (NaN when not computable).</param>
/// <param name="Threshold">p-value below which the allocation is declared broken.</param>
/// <param name="Notes">Why the check could not run, or what failed.</param>
public sealed record SampleRatioCheck(double ChiSquare, int DegreesOfFreedom, double PValue, double Threshold, IReadOnlyList<string> Notes)
{
    public bool IsComputable => !double.IsNaN(PValue);

    /// <summary>True when the observed split is implausible under the plan: do not declare a winner.</summary>
    public bool IsMismatch => IsComputable && PValue < Threshold;
}
