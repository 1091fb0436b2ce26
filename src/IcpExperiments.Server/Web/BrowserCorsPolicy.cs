using Microsoft.AspNetCore.Cors.Infrastructure;

namespace IcpExperiments.Server.Web;

/// <summary>
/// The CORS policy of browser calls: the configured origins only, the headers gRPC-Web and JSON clients send, and the
/// gRPC status headers exposed so a page can read errors (a trailers-only gRPC-Web error arrives in headers). No
/// credentials: API keys travel in the Authorization header, not in cookies.
/// </summary>
internal static class BrowserCorsPolicy
{
    public const string Name = "IcpExperimentsBrowser";

    private static readonly string[] RequestHeaders = ["authorization", "content-type", "x-grpc-web", "x-user-agent", "grpc-timeout"];
    private static readonly string[] ExposedHeaders = ["grpc-status", "grpc-message", "grpc-status-details-bin", "grpc-encoding", "grpc-accept-encoding"];

    public static void Configure(CorsPolicyBuilder policy, IReadOnlyList<string> allowedOrigins) =>
        policy.WithOrigins([.. allowedOrigins])
            .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Patch)
            .WithHeaders(RequestHeaders)
            .WithExposedHeaders(ExposedHeaders)
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
}
