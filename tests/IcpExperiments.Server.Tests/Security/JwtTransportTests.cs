using System.Net;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;
using IcpExperiments.Server.Tests.Web;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>A JWT works on the browser endpoint as on gRPC: HTTP/JSON transcoding and gRPC-Web over HTTP/1.1.</summary>
[Collection(JwtServer.Name)]
public sealed class JwtTransportTests(JwtServerFixture fixture)
{
    [Fact]
    public async Task PostAndGetProfile_TokenOverHttpJson_RoundTrips()
    {
        var team = Requests.NewId("jwt-json");
        using var json = new JsonApi(fixture.Server.WebAddress, JwtTestTokens.Experimenter(team));
        var profileId = Requests.NewId("prf");

        await JsonApi.ReadAsync<CreateProfileResponse>(await json.PostAsync("/v1/profiles", new CreateProfileRequest { ProfileId = profileId, Profile = new Profile { DisplayName = "From a dashboard" } }));
        var read = await JsonApi.ReadAsync<GetProfileResponse>(await json.GetAsync($"/v1/profiles/{profileId}"));

        Assert.Equal("From a dashboard", read.Profile.DisplayName);
    }

    [Fact]
    public async Task GetProfiles_ExpiredTokenOverHttpJson_Is401()
    {
        var expired = JwtTestTokens.Mint(JwtTestTokens.NewSubject(), "jwt-json", ["viewer"], d =>
        {
            d.NotBefore = d.IssuedAt = DateTime.UtcNow.AddHours(-2);
            d.Expires = DateTime.UtcNow.AddHours(-1);
        });
        using var json = new JsonApi(fixture.Server.WebAddress, expired);

        using var response = await json.GetAsync("/v1/profiles");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ListProfiles_TokenOverGrpcWeb_SeesItsTeam()
    {
        var team = Requests.NewId("jwt-web");
        using var owner = await KeyedClients.CreateAsync(fixture.Server, team, Role.ProfileOwner);
        var profileId = Requests.NewId("prf");
        await owner.Profiles.CreateProfileAsync(new CreateProfileRequest { ProfileId = profileId, Profile = new Profile { DisplayName = "Team's" } });
        using var channel = ServerProcess.CreateChannel(fixture.Server.WebAddress, JwtTestTokens.Viewer(team), new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, new HttpClientHandler()),
            HttpVersion = HttpVersion.Version11,
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });

        var listed = await new ProfileService.ProfileServiceClient(channel).ListProfilesAsync(new ListProfilesRequest());

        Assert.Equal($"profiles/{profileId}", Assert.Single(listed.Profiles).Name);
    }
}
