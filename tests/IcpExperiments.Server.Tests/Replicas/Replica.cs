using Grpc.Net.Client;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Replicas;

/// <summary>One server process of a <see cref="ReplicaSet"/> and clients of its services over one channel (admin key).</summary>
public sealed class Replica : IAsyncDisposable
{
    private GrpcChannel? channel;

    public Replica(string name, string connectionString, params string[] extraArguments)
    {
        Name = name;
        Server = new ServerProcess(extraArguments) { PostgresConnectionString = connectionString };
    }

    /// <summary>"A", "B"…, for failure messages.</summary>
    public string Name { get; }

    public ServerProcess Server { get; }

    public ProfileService.ProfileServiceClient Profiles { get; private set; } = null!;

    public ExperimentService.ExperimentServiceClient Experiments { get; private set; } = null!;

    public OutcomeService.OutcomeServiceClient Outcomes { get; private set; } = null!;

    public AnalysisService.AnalysisServiceClient Analysis { get; private set; } = null!;

    public async Task StartAsync()
    {
        await Server.StartAsync();
        channel = Server.CreateChannel();
        Profiles = new ProfileService.ProfileServiceClient(channel);
        Experiments = new ExperimentService.ExperimentServiceClient(channel);
        Outcomes = new OutcomeService.OutcomeServiceClient(channel);
        Analysis = new AnalysisService.AnalysisServiceClient(channel);
    }

    public Scenario Scenario() => new(Profiles, Experiments);

    public override string ToString() => $"replica {Name}";

    public async ValueTask DisposeAsync()
    {
        channel?.Dispose();
        await Server.DisposeAsync();
    }
}
