namespace IcpExperiments.Server.Tests.Infrastructure;

/// <summary>The test classes that share one running server on PostgreSQL (the <see cref="SharedServer"/> tests' twins).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresSharedServer : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "server-postgres";
}
