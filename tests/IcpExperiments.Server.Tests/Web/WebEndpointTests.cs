using System.Net;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Web;

/// <summary>
/// The two endpoints: gRPC over h2c keeps its port (<c>--urls</c>), the browser endpoint gets its own HTTP/1.1 port
/// (IcpExperiments:Web:Urls), and one that cannot work stops the server at start-up (more in StartupValidationTests).
/// </summary>
[Collection(WebServer.Name)]
public sealed class WebEndpointTests(WebServerFixture fixture)
{
    [Fact]
    public async Task GrpcPort_H2cCalls_StillWork()
    {
        var client = new ProfileService.ProfileServiceClient(fixture.Channel);

        var listed = await client.ListProfilesAsync(new ListProfilesRequest());

        Assert.NotNull(listed);
        Assert.NotEqual(fixture.Server.Address.Port, fixture.Server.WebAddress.Port);
    }

    [Fact]
    public async Task GrpcPort_JsonOverHttp2PriorKnowledge_IsServedToo()
    {
        using var client = new HttpClient { BaseAddress = fixture.Server.Address, DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        client.DefaultRequestHeaders.Authorization = new("Bearer", ServerProcess.AdminKey);

        using var response = await client.GetAsync(new Uri("/v1/profiles", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
    }

    [Fact]
    public async Task WebPort_Http11Request_IsAnsweredOverHttp11()
    {
        using var anonymous = new JsonApi(fixture.Server.WebAddress, apiKey: null);

        using var response = await anonymous.GetAsync("/v1/profiles");

        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Start_WebPortSameAsGrpcPort_ExitsNamingTheSetting()
    {
        var port = ServerProcess.FreePort();
        await using var server = new ServerProcess("--urls", $"http://127.0.0.1:{port}", $"--IcpExperiments:Web:Urls=http://localhost:{port}");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(server.StartAsync);

        Assert.Contains("IcpExperiments:Web:Urls", failure.Message, StringComparison.Ordinal);
    }
}
