namespace IcpExperiments.Core.Analysis.Segments;

/// <summary>One arm within a segment: accounts, wins, conversion rate and the mean ACV of the wins (null without any).</summary>
public sealed record SegmentArm(string ArmKey, int Accounts, int Converted, double ConversionRate, double? MeanAcv);
