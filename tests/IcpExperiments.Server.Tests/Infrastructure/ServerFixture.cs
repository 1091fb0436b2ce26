using Grpc.Net.Client;
using IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Tests.Infrastructure;

/// <summary>One server process shared by the tests of the <see cref="SharedServer"/> (started once, on a fresh database).</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public ServerProcess Server { get; } = new();

    public GrpcChannel Channel { get; private set; } = null!;

    public ProfileService.ProfileServiceClient Profiles { get; private set; } = null!;

    public ExperimentService.ExperimentServiceClient Experiments { get; private set; } = null!;

    public OutcomeService.OutcomeServiceClient Outcomes { get; private set; } = null!;

    public async Task InitializeAsync()
    {
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
    }
}
