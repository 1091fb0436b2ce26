using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Core.Analysis;

/// <summary>One arm's value of a metric with its interval (null when the method gives none) and the accounts it rests on.</summary>
public sealed record ArmEstimate(double Value, Interval? Interval, long Count);
