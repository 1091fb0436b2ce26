namespace IcpExperiments.Server.Tests.Web;

/// <summary>The test classes that share the <see cref="WebServerFixture"/> server (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class WebServer : ICollectionFixture<WebServerFixture>
{
    public const string Name = "web";
}
