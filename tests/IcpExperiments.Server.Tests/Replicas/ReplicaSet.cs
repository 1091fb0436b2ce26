using IcpExperiments.Testing;

namespace IcpExperiments.Server.Tests.Replicas;

/// <summary>
/// Three server processes on one PostgreSQL database, started at the same moment on a database that does not exist yet
/// (so they race to create it and to migrate it), as a deployment behind a load balancer starts them. <see cref="A"/> and
/// <see cref="B"/> run with live results always exact (as every end-to-end server does); <see cref="C"/> runs with the
/// default live staleness bound (<see cref="DefaultLiveMaxStaleness"/>), to show what a default deployment guarantees.
/// </summary>
public sealed class ReplicaSet : IAsyncLifetime
{
    /// <summary>The default of IcpExperiments:Analysis:LiveMaxStaleness, given on C's command line (it wins over the test environment's zero).</summary>
    public static readonly TimeSpan DefaultLiveMaxStaleness = TimeSpan.FromSeconds(5);

    public string ConnectionString { get; private set; } = null!;

    public Replica A { get; private set; } = null!;

    public Replica B { get; private set; } = null!;

    public Replica C { get; private set; } = null!;

    public IReadOnlyList<Replica> All => [A, B, C];

    public async Task InitializeAsync()
    {
        var server = await PostgresTestServer.GetAsync();
        // A fresh name, then gone: the replicas find no database.
        ConnectionString = await server.CreateDatabaseAsync();
        await server.DropDatabaseAsync(ConnectionString);
        A = new Replica("A", ConnectionString);
        B = new Replica("B", ConnectionString);
        C = new Replica("C", ConnectionString, $"--IcpExperiments:Analysis:LiveMaxStaleness={DefaultLiveMaxStaleness:c}");
        await Task.WhenAll(All.Select(replica => replica.StartAsync()));
    }

    public async Task DisposeAsync()
    {
        foreach (var replica in new[] { A, B, C }.Where(r => r is not null)) await replica.DisposeAsync();
        if (ConnectionString is not null) await (await PostgresTestServer.GetAsync()).DropDatabaseAsync(ConnectionString);
    }
}
