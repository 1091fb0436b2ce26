namespace IcpExperiments.Core.Analysis.Segments;

/// <summary>
/// One value of one attribute. A segment below the minimum size (<see cref="TooSmall"/>) has arms but no comparisons.
/// </summary>
public sealed record SegmentRow(string Attribute, string Value, int Accounts, bool TooSmall, IReadOnlyList<SegmentArm> Arms, IReadOnlyList<SegmentComparison> Comparisons);
