using System.Diagnostics;

namespace IcpExperiments.Benchmarks.EndToEnd;

/// <summary>
/// CPU time used by the server process and by this (client) process over a phase. On a shared machine calls per second
/// swing with other people's load; CPU microseconds per call is what a change to the server actually moves.
/// </summary>
public sealed class CpuMeter
{
    private readonly Process server;
    private TimeSpan serverStart;
    private TimeSpan clientStart;

    private CpuMeter(Process server)
    {
        this.server = server;
        Restart();
    }

    public static CpuMeter For(int serverProcessId) => new(Process.GetProcessById(serverProcessId));

    public void Restart()
    {
        server.Refresh();
        serverStart = server.TotalProcessorTime;
        clientStart = Process.GetCurrentProcess().TotalProcessorTime;
    }

    /// <summary>Server and client CPU microseconds per call since <see cref="Restart"/>.</summary>
    public (double Server, double Client) MicrosecondsPerCall(long calls)
    {
        server.Refresh();
        var serverUsed = server.TotalProcessorTime - serverStart;
        var clientUsed = Process.GetCurrentProcess().TotalProcessorTime - clientStart;
        return calls == 0 ? (double.NaN, double.NaN) : (serverUsed.TotalMicroseconds / calls, clientUsed.TotalMicroseconds / calls);
    }
}
