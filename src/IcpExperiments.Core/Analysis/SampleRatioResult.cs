namespace IcpExperiments.Core.Analysis;

/// <summary>
/// Sample-ratio-mismatch check: χ² goodness of fit of the arms' enrolled counts against the planned allocation.
/// <see cref="Failed"/> when p &lt; <see cref="Threshold"/> (0.001 by convention: with continuous monitoring a
/// stricter bar than alpha keeps false alarms rare, and a real assignment bug gives far smaller p-values).
/// </summary>
public sealed record SampleRatioResult(double? ChiSquare, double? PValue, double Threshold, bool Failed, string Note);
