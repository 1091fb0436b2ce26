using Grpc.Net.Client;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Testing;

namespace IcpExperiments.Server.Tests.Infrastructure;

/// <summary>
/// One server process shared by the tests of the <see cref="SharedServer"/> (started once, on a fresh database): a SQLite
/// file, or with <see cref="StorageEngine.Postgres"/> a database of its own on the test PostgreSQL server, dropped at the end.
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    public ServerFixture()
        : this(StorageEngine.Sqlite)
    {
    }

    /// <summary>For subclasses only: xunit wants a collection fixture to have one public constructor.</summary>
    protected ServerFixture(StorageEngine engine) => Engine = engine;

    public StorageEngine Engine { get; }

    public ServerProcess Server { get; } = new();

    public GrpcChannel Channel { get; private set; } = null!;

    public ProfileService.ProfileServiceClient Profiles { get; private set; } = null!;

    public ExperimentService.ExperimentServiceClient Experiments { get; private set; } = null!;

    public OutcomeService.OutcomeServiceClient Outcomes { get; private set; } = null!;

    /// <summary>A fixture for <paramref name="engine"/>, for tests that start their own server.</summary>
    public static ServerFixture For(StorageEngine engine) => engine == StorageEngine.Postgres ? new PostgresServerFixture() : new ServerFixture();

    public async Task InitializeAsync()
    {
        if (Engine == StorageEngine.Postgres) Server.PostgresConnectionString = await (await PostgresTestServer.GetAsync()).CreateDatabaseAsync();
        await Server.StartAsync();
        Channel = Server.CreateChannel();
        Profiles = new ProfileService.ProfileServiceClient(Channel);
        Experiments = new ExperimentService.ExperimentServiceClient(Channel);
        Outcomes = new OutcomeService.OutcomeServiceClient(Channel);
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        await Server.DisposeAsync();
        if (Server.PostgresConnectionString is { } connectionString) await (await PostgresTestServer.GetAsync()).DropDatabaseAsync(connectionString);
    }
}
