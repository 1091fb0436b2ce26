using System.Globalization;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>
/// Knobs of the reliability tests, from environment variables so a longer run needs no code change:
/// <c>ICPX_RELIABILITY_SEED</c> (every random choice; default fixed, so runs repeat) and
/// <c>ICPX_HOSTILE_REQUESTS</c> (hostile requests sent, default 10,000).
/// </summary>
public static class ReliabilitySettings
{
    public static int Seed => Read("ICPX_RELIABILITY_SEED", 20261124);

    public static int HostileRequests => Read("ICPX_HOSTILE_REQUESTS", 10_000);

    private static int Read(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
