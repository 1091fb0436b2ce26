using OpenTelemetry.Metrics;

namespace IcpExperiments.Server.Tests.Telemetry;

/// <summary>Reads totals out of exported metric snapshots: the points of one instrument whose attributes include the given ones.</summary>
public static class MetricValues
{
    public static long Sum(IReadOnlyList<MetricSnapshot> metrics, string name, params (string Key, object Value)[] attributes) =>
        Points(metrics, name, attributes).Sum(p => p.GetSumLong());

    public static long HistogramCount(IReadOnlyList<MetricSnapshot> metrics, string name, params (string Key, object Value)[] attributes) =>
        Points(metrics, name, attributes).Sum(p => p.GetHistogramCount());

    private static IEnumerable<MetricPoint> Points(IReadOnlyList<MetricSnapshot> metrics, string name, (string Key, object Value)[] attributes) =>
        metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints).Where(p => attributes.All(a => HasAttribute(p, a.Key, a.Value)));

    private static bool HasAttribute(MetricPoint point, string key, object value)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key) return Equals(Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture), Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return false;
    }
}
