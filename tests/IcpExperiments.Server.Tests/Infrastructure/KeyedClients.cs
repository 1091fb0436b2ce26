using Grpc.Net.Client;
using IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Tests.Infrastructure;

/// <summary>Clients of every service over a channel that sends one API key, created through AdminService for a team and roles.</summary>
public sealed class KeyedClients : IDisposable
{
    private readonly GrpcChannel channel;

    private KeyedClients(GrpcChannel channel, ApiKey key, string secret)
    {
        this.channel = channel;
        Key = key;
        Secret = secret;
        Profiles = new ProfileService.ProfileServiceClient(channel);
        Experiments = new ExperimentService.ExperimentServiceClient(channel);
        Outcomes = new OutcomeService.OutcomeServiceClient(channel);
        Admin = new AdminService.AdminServiceClient(channel);
    }

    public ApiKey Key { get; }

    public string Secret { get; }

    public ProfileService.ProfileServiceClient Profiles { get; }

    public ExperimentService.ExperimentServiceClient Experiments { get; }

    public OutcomeService.OutcomeServiceClient Outcomes { get; }

    public AdminService.AdminServiceClient Admin { get; }

    /// <summary>Creates a key (with the server's admin key) and clients that use it.</summary>
    public static async Task<KeyedClients> CreateAsync(ServerProcess server, string team, params Role[] roles)
    {
        using var adminChannel = server.CreateChannel();
        var request = new CreateApiKeyRequest { ApiKey = new ApiKey { Team = team, DisplayName = $"{team} test key" } };
        request.ApiKey.Roles.AddRange(roles);
        var created = await new AdminService.AdminServiceClient(adminChannel).CreateApiKeyAsync(request);
        return new KeyedClients(server.CreateChannel(created.Secret), created.ApiKey, created.Secret);
    }

    /// <summary>A profile with two versions and a running experiment on them, created with this key (it needs experimenter and profile owner roles).</summary>
    public async Task<Experiment> CreateRunningExperimentAsync()
    {
        var profileId = Requests.NewId("prf");
        await Profiles.CreateProfileAsync(new CreateProfileRequest { ProfileId = profileId, Profile = new Profile { DisplayName = "ICP" }, FirstVersion = Requests.Version(200) });
        await Profiles.CreateProfileVersionAsync(new CreateProfileVersionRequest { Parent = $"profiles/{profileId}", Version = Requests.Version(50) });
        var created = await Experiments.CreateExperimentAsync(new CreateExperimentRequest { ExperimentId = Requests.NewId("exp"), Experiment = Requests.Experiment(profileId) });
        return (await Experiments.StartExperimentAsync(new StartExperimentRequest { Name = created.Experiment.Name })).Experiment;
    }

    public void Dispose() => channel.Dispose();
}
