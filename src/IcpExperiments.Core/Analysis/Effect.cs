using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Core.Analysis;

/// <summary>An effect (variant vs control) with its interval; relative effects are fractions (0.31 = +31%).</summary>
public sealed record Effect(double Estimate, Interval Interval);
