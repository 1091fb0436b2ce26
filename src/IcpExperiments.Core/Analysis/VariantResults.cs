namespace IcpExperiments.Core.Analysis;

/// <summary>One variant against control: every metric, and the survival curves behind cycle length (null when no deal was won).</summary>
public sealed record VariantResults(string VariantKey, IReadOnlyList<MetricComparison> Metrics, CycleLengthCurves? CycleLength)
{
    public MetricComparison this[Experiments.Metric metric]
    {
        get
        {
            foreach (var comparison in Metrics)
            {
                if (comparison.Metric == metric) return comparison;
            }

            throw new KeyNotFoundException($"No result for {metric}.");
        }
    }
}
