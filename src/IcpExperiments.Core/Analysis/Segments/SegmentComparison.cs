namespace IcpExperiments.Core.Analysis.Segments;

/// <summary>
/// A variant against control within one segment: difference in conversion (variant − control) with its interval,
/// the raw p-value and the Benjamini-Hochberg p-value across every comparison of the report.
/// </summary>
public sealed record SegmentComparison(string VariantKey, string Method, double Difference, double Lower, double Upper, double PValue, double AdjustedPValue);
