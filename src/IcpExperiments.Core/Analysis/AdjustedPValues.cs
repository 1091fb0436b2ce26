using IcpExperiments.Statistics.Multiplicity;

namespace IcpExperiments.Core.Analysis;

/// <summary>Applies the run's correction to every computable p-value across variants × metrics and writes the adjusted values back.</summary>
internal static class AdjustedPValues
{
    public static IReadOnlyList<VariantResults> Apply(IReadOnlyList<VariantResults> variants, MultipleComparisonCorrection correction)
    {
        var raw = new List<double>();
        foreach (var variant in variants)
        {
            foreach (var metric in variant.Metrics)
            {
                if (metric.PValue is { } p) raw.Add(p);
            }
        }

        double[] adjusted = correction == MultipleComparisonCorrection.Holm
            ? PValueAdjustment.Holm(raw.ToArray())
            : PValueAdjustment.BenjaminiHochberg(raw.ToArray());
        int next = 0;
        var result = new List<VariantResults>(variants.Count);
        foreach (var variant in variants)
        {
            var metrics = new List<MetricComparison>(variant.Metrics.Count);
            foreach (var metric in variant.Metrics)
                metrics.Add(metric.PValue is null ? metric : metric with { AdjustedPValue = adjusted[next++] });
            result.Add(variant with { Metrics = metrics });
        }

        return result;
    }
}
