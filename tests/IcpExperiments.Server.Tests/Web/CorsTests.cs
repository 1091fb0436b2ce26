using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Web;

/// <summary>CORS on the browser endpoint: the configured origins get a preflight answer and the gRPC headers exposed; others get nothing.</summary>
[Collection(WebServer.Name)]
public sealed class CorsTests(WebServerFixture fixture)
{
    [Theory]
    [InlineData("/v1/profiles", "POST", "authorization,content-type")]
    [InlineData("/icp_experiments.v1.ProfileService/ListProfiles", "POST", "authorization,content-type,x-grpc-web,x-user-agent,grpc-timeout")]
    [InlineData("/v1/experiments/some-experiment/results", "GET", "authorization")]
    public async Task Preflight_ConfiguredOrigin_IsAllowed(string path, string method, string requestHeaders)
    {
        using var client = new HttpClient { BaseAddress = fixture.Server.WebAddress };

        using var response = await client.SendAsync(Preflight(path, WebServerFixture.AllowedOrigin, method, requestHeaders));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(WebServerFixture.AllowedOrigin, Single(response, "Access-Control-Allow-Origin"));
        var allowed = Single(response, "Access-Control-Allow-Headers")!.Split(',');
        Assert.All(requestHeaders.Split(','), header => Assert.Contains(header, allowed));
        Assert.Contains(method, Single(response, "Access-Control-Allow-Methods")!.Split(','));
    }

    [Theory]
    [InlineData("https://evil.example.com")]
    [InlineData("http://dash.example.com")]
    public async Task Preflight_UnlistedOrigin_IsRefused(string origin)
    {
        using var client = new HttpClient { BaseAddress = fixture.Server.WebAddress };

        using var response = await client.SendAsync(Preflight("/v1/profiles", origin, "POST", "authorization,content-type"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task GrpcWebCall_ConfiguredOrigin_ExposesGrpcStatusHeaders()
    {
        using var client = new HttpClient { BaseAddress = fixture.Server.WebAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/icp_experiments.v1.ProfileService/ListProfiles") { Content = new ByteArrayContent(Frame(new ListProfilesRequest())) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc-web");
        request.Headers.Add("Origin", WebServerFixture.AllowedOrigin);
        request.Headers.Add("X-Grpc-Web", "1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerProcess.AdminKey);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WebServerFixture.AllowedOrigin, Single(response, "Access-Control-Allow-Origin"));
        var exposed = Single(response, "Access-Control-Expose-Headers")!.Split(',');
        Assert.All(["grpc-status", "grpc-message", "grpc-status-details-bin", "grpc-encoding", "grpc-accept-encoding"], header => Assert.Contains(header, exposed));
    }

    private static HttpRequestMessage Preflight(string path, string origin, string method, string requestHeaders)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", requestHeaders);
        return request;
    }

    private static string? Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) ? string.Join(',', values) : null;

    /// <summary>One length-prefixed, uncompressed gRPC message.</summary>
    private static byte[] Frame(IMessage message)
    {
        var payload = message.ToByteArray();
        var frame = new byte[5 + payload.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }
}
