using IcpExperiments.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IcpExperiments.Server.Health;

/// <summary>The server serves only while its database answers: grpc.health.v1 reports NOT_SERVING otherwise.</summary>
public sealed class StorageHealthCheck(IcpExperimentsDbContext database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await database.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The database answers.")
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
