using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Web;

/// <summary>gRPC-Web (binary and base64 text) over HTTP/1.1 on the browser endpoint, through Grpc.Net.Client.Web.</summary>
[Collection(WebServer.Name)]
public sealed class GrpcWebTests(WebServerFixture fixture)
{
    [Theory]
    [InlineData(GrpcWebMode.GrpcWeb)]
    [InlineData(GrpcWebMode.GrpcWebText)]
    public async Task CreateAndGetProfile_GrpcWebOverHttp11_RoundTrips(GrpcWebMode mode)
    {
        using var channel = CreateChannel(mode, ServerProcess.AdminKey);
        var client = new ProfileService.ProfileServiceClient(channel);
        var id = Requests.NewId("prf");

        await client.CreateProfileAsync(new CreateProfileRequest { ProfileId = id, Profile = new Profile { DisplayName = "Over gRPC-Web" } });
        var read = await client.GetProfileAsync(new GetProfileRequest { Name = $"profiles/{id}" });

        Assert.Equal("Over gRPC-Web", read.Profile.DisplayName);
    }

    [Fact]
    public async Task CreateProfile_InvalidOverGrpcWeb_CarriesFieldViolations()
    {
        using var channel = CreateChannel(GrpcWebMode.GrpcWeb, ServerProcess.AdminKey);

        var client = new ProfileService.ProfileServiceClient(channel);

        var status = await RpcAssert.InvalidFieldAsync("profile.display_name", () => client.CreateProfileAsync(new CreateProfileRequest { Profile = new Profile() }));

        Assert.Equal("INVALID_ARGUMENT", RpcAssert.Reason(status));
    }

    [Fact]
    public async Task ListProfiles_GrpcWebWithoutKey_IsUnauthenticated()
    {
        using var channel = CreateChannel(GrpcWebMode.GrpcWeb, apiKey: null);

        var failure = await Assert.ThrowsAsync<RpcException>(() => new ProfileService.ProfileServiceClient(channel).ListProfilesAsync(new ListProfilesRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, failure.StatusCode);
    }

    private GrpcChannel CreateChannel(GrpcWebMode mode, string? apiKey) =>
        ServerProcess.CreateChannel(fixture.Server.WebAddress, apiKey, new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(mode, new HttpClientHandler()),
            HttpVersion = System.Net.HttpVersion.Version11,
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });
}
