namespace IcpExperiments.Server.Tests.Infrastructure;

/// <summary>The test classes that share one running server (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class SharedServer : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
