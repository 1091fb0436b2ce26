using IcpExperiments.Core.Application;
using Microsoft.Extensions.DependencyInjection;

namespace IcpExperiments.Storage.Tests;

/// <summary>
/// A second server process on a <see cref="TestDatabase"/>'s database: its own services (write gate, writer connection,
/// read models) over the same file, as a replica or a restarted server overlapping the old one would be.
/// </summary>
internal sealed class OtherProcess(ServiceProvider services) : IAsyncDisposable
{
    private readonly List<AsyncServiceScope> scopes = [];

    /// <summary>The outcome repository of a new scope of this process, like one gRPC call to it.</summary>
    public IOutcomeRepository Outcomes()
    {
        var scope = services.CreateAsyncScope();
        scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<IOutcomeRepository>();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in scopes) await scope.DisposeAsync();
        await services.DisposeAsync();
    }
}
