using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Core.Analysis;

/// <summary>Which way is better for each metric: shorter cycles and cheaper acquisition are improvements.</summary>
public static class MetricDirection
{
    public static bool LowerIsBetter(Metric metric) => metric is Metric.CycleLength or Metric.Cac;

    /// <summary>+1 when a positive variant − control difference is an improvement, −1 when it is a harm.</summary>
    public static int Sign(Metric metric) => LowerIsBetter(metric) ? -1 : 1;
}
