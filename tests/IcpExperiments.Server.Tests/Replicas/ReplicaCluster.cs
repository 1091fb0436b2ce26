namespace IcpExperiments.Server.Tests.Replicas;

/// <summary>The test classes that share one <see cref="ReplicaSet"/> (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class ReplicaCluster : ICollectionFixture<ReplicaSet>
{
    public const string Name = "replicas-postgres";
}
