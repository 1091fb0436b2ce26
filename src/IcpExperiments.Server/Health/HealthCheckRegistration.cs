using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IcpExperiments.Server.Health;

/// <summary>
/// grpc.health.v1 answers from a cache that the health-check publisher refreshes every <see cref="RefreshPeriod"/>:
/// load balancers and orchestrators probe often, and a probe should not cost a database round trip (nor queue behind
/// writers). The storage check still runs, once per period, and a failing database shows as NOT_SERVING within it.
/// </summary>
public static class HealthCheckRegistration
{
    /// <summary>How often the registered checks run; also the longest a changed status goes unreported.</summary>
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(2);

    public static IServiceCollection AddIcpExperimentsHealthChecks(this IServiceCollection services)
    {
        services.AddGrpcHealthChecks(options => options.UseHealthChecksCache = true).AddCheck<StorageHealthCheck>("storage");
        // No initial delay: until the first publication the service is unknown, so clients waiting for SERVING wait.
        services.Configure<HealthCheckPublisherOptions>(options =>
        {
            options.Delay = TimeSpan.Zero;
            options.Period = RefreshPeriod;
        });
        return services;
    }
}
