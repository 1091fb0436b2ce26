using System.Globalization;

namespace IcpExperiments.Benchmarks.Soak;

/// <summary>Memory of a process from <c>/proc/&lt;pid&gt;/status</c> (Linux): resident set (<c>VmRSS</c>) and its peak (<c>VmHWM</c>).</summary>
public static class ProcessMemory
{
    public static double ResidentMegabytes(int processId) => Megabytes(processId, "VmRSS:");

    public static double PeakResidentMegabytes(int processId) => Megabytes(processId, "VmHWM:");

    /// <summary>The 1-, 5- and 15-minute load averages of the machine (<c>/proc/loadavg</c>), to judge how shared it was.</summary>
    public static string LoadAverage() => string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static double Megabytes(int processId, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (!line.StartsWith(field, StringComparison.Ordinal)) continue;
            var kilobytes = long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return kilobytes / 1024.0;
        }

        throw new InvalidOperationException($"No {field} line for process {processId}.");
    }
}
