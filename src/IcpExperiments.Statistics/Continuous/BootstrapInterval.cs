using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Statistics.Continuous;

/// <summary>A bootstrap point estimate with its percentile interval.</summary>
/// <param name="Method">What was resampled.</param>
/// <param name="Estimate">The statistic on the observed data.</param>
/// <param name="ConfidenceInterval">Percentile interval of the bootstrap replicates.</param>
/// <param name="Resamples">Number of bootstrap replicates.</param>
public sealed record BootstrapInterval(string Method, double Estimate, Interval ConfidenceInterval, int Resamples);
