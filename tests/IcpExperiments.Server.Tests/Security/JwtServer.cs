namespace IcpExperiments.Server.Tests.Security;

/// <summary>The tests that share one server with JWTs enabled (<see cref="JwtServerFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class JwtServer : ICollectionFixture<JwtServerFixture>
{
    public const string Name = "jwt-server";
}
