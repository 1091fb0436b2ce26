using Grpc.Net.Client;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Web;

/// <summary>
/// One server process for the HTTP/JSON and gRPC-Web tests, with <see cref="AllowedOrigin"/> as its only CORS origin
/// (given in the comma-separated environment form). <see cref="Json"/> calls its HTTP/1.1 endpoint with the admin key.
/// </summary>
public sealed class WebServerFixture : IAsyncLifetime
{
    public const string AllowedOrigin = "https://dash.example.com";

    public ServerProcess Server { get; } = new($"--IcpExperiments:Cors:AllowedOrigins={AllowedOrigin},https://other-dash.example.com");

    public JsonApi Json { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.StartAsync();
        Json = new JsonApi(Server.WebAddress, ServerProcess.AdminKey);
        Channel = Server.CreateChannel();
    }

    /// <summary>A running experiment of the wider-head-count design (<see cref="Requests.Experiment"/>), created over gRPC.</summary>
    public async Task<Experiment> CreateRunningExperimentAsync()
    {
        var profiles = new ProfileService.ProfileServiceClient(Channel);
        var experiments = new ExperimentService.ExperimentServiceClient(Channel);
        var profileId = Requests.NewId("prf");
        await profiles.CreateProfileAsync(new CreateProfileRequest { ProfileId = profileId, Profile = new Profile { DisplayName = "ICP" }, FirstVersion = Requests.Version(200) });
        await profiles.CreateProfileVersionAsync(new CreateProfileVersionRequest { Parent = $"profiles/{profileId}", Version = Requests.Version(50) });
        var draft = await experiments.CreateExperimentAsync(new CreateExperimentRequest { ExperimentId = Requests.NewId("exp"), Experiment = Requests.Experiment(profileId) });
        return (await experiments.StartExperimentAsync(new StartExperimentRequest { Name = draft.Experiment.Name })).Experiment;
    }

    public async Task DisposeAsync()
    {
        Json?.Dispose();
        Channel?.Dispose();
        await Server.DisposeAsync();
    }
}
