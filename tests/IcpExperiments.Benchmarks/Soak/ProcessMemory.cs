using System.Globalization;

namespace IcpExperiments.Benchmarks.Soak;

/// <summary>Resident set size of a process, from the <c>VmRSS</c> line of <c>/proc/&lt;pid&gt;/status</c> (Linux).</summary>
public static class ProcessMemory
{
    public static double ResidentMegabytes(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
            var kilobytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return kilobytes / 1024.0;
        }

        throw new InvalidOperationException($"No VmRSS line for process {processId}.");
    }
}
