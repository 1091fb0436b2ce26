namespace IcpExperiments.Core.Analysis.Segments;

/// <summary>Exploratory segment breakdown: rows per attribute value and the caveat that goes with them.</summary>
public sealed record SegmentReport(DateTimeOffset AsOf, int MinAccounts, IReadOnlyList<SegmentRow> Rows, int Comparisons, string Note);
