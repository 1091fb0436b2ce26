namespace IcpExperiments.Server.Tests.Telemetry;

/// <summary>
/// The telemetry tests share one in-process server and run one after another: listeners see every in-process source
/// and meter of their name, so two such servers at once would count each other's work.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TelemetryServer : ICollectionFixture<InProcessServer>
{
    public const string Name = "telemetry";
}
