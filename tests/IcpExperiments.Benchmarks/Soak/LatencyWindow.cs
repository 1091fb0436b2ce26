using Grpc.Core;

namespace IcpExperiments.Benchmarks.Soak;

/// <summary>Latencies and failures per operation over one window of the soak (a minute, or the whole run); thread-safe.</summary>
public sealed class LatencyWindow
{
    private readonly Dictionary<string, List<double>> latencies = [];
    private readonly Dictionary<(string Operation, StatusCode Code), int> errors = [];
    private readonly object gate = new();

    public void Record(string operation, double milliseconds)
    {
        lock (gate)
        {
            if (!latencies.TryGetValue(operation, out var list)) latencies[operation] = list = [];
            list.Add(milliseconds);
        }
    }

    public void Fail(string operation, StatusCode code)
    {
        lock (gate) errors[(operation, code)] = errors.GetValueOrDefault((operation, code)) + 1;
    }

    /// <summary>Adds everything <paramref name="other"/> recorded (used to count one call in several windows).</summary>
    public void Merge(LatencyWindow other)
    {
        ArgumentNullException.ThrowIfNull(other);
        lock (other.gate)
        {
            foreach (var (operation, list) in other.latencies)
                foreach (var value in list) Record(operation, value);
            foreach (var (key, count) in other.errors)
                lock (gate) errors[key] = errors.GetValueOrDefault(key) + count;
        }
    }

    public long Calls
    {
        get
        {
            lock (gate) return latencies.Values.Sum(l => (long)l.Count) + errors.Values.Sum();
        }
    }

    public int Errors
    {
        get
        {
            lock (gate) return errors.Values.Sum();
        }
    }

    /// <summary>One line per operation: count, p50 and p99 in ms; then the errors by status.</summary>
    public IEnumerable<string> Describe()
    {
        lock (gate)
        {
            foreach (var (operation, list) in latencies.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                var sorted = list.Order().ToArray();
                yield return $"    {operation,-16} {sorted.Length,9:N0} ok   p50 {Percentile(sorted, 0.50),7:F2} ms   p99 {Percentile(sorted, 0.99),7:F2} ms";
            }

            foreach (var ((operation, code), count) in errors.OrderBy(e => e.Key.Operation, StringComparer.Ordinal))
                yield return $"    {operation,-16} {count,9:N0} {code}";
        }
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
