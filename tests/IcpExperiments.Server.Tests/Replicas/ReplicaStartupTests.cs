using Grpc.Health.V1;
using IcpExperiments.Server.Tests.Reliability;

namespace IcpExperiments.Server.Tests.Replicas;

/// <summary>Replicas started at the same moment on a database that does not exist yet: all serve, the schema is migrated once.</summary>
[Collection(ReplicaCluster.Name)]
public sealed class ReplicaStartupTests(ReplicaSet replicas)
{
    [Fact]
    public async Task StartAsync_ThreeReplicasAtOnceOnAMissingDatabase_AllServeAndEachMigrationIsRecordedOnce()
    {
        // Arrange: the fixture started them together.

        // Act
        var health = await Task.WhenAll(replicas.All.Select(async replica =>
        {
            using var channel = replica.Server.CreateChannel();
            return (await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest())).Status;
        }));
        var recorded = await ServerDatabase.CountAsync(replicas.A.Server, "SELECT count(*) FROM \"__EFMigrationsHistory\"");
        var distinct = await ServerDatabase.CountAsync(replicas.A.Server, "SELECT count(DISTINCT \"MigrationId\") FROM \"__EFMigrationsHistory\"");
        var adminKeys = await ServerDatabase.CountAsync(replicas.A.Server, "SELECT count(*) FROM api_keys WHERE id = 'bootstrap'");

        // Assert
        Assert.All(health, status => Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, status));
        Assert.True(recorded >= 2, $"Expected the migrations to be recorded, found {recorded}.");
        Assert.Equal(distinct, recorded);
        Assert.Equal(1, adminKeys);
    }
}
