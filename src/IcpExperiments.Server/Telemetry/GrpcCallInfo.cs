using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;

namespace IcpExperiments.Server.Telemetry;

/// <summary>What telemetry records about a finished gRPC call, read from its HTTP context.</summary>
internal static class GrpcCallInfo
{
    /// <summary>The call's gRPC method (service and method name), null for a request that is not a gRPC call. Known once routing ran.</summary>
    public static IMethod? Method(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;

    /// <summary>
    /// The status the client received: the <c>grpc-status</c> trailer, or the header of a trailers-only response; a call
    /// that ended without one (e.g. the connection dropped) is UNKNOWN, as a client sees it.
    /// </summary>
    public static int StatusCode(HttpContext context)
    {
        var trailers = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        var value = trailers is not null && trailers.TryGetValue("grpc-status", out var trailer) ? trailer.ToString() : context.Response.Headers["grpc-status"].ToString();
        return int.TryParse(value, out int code) ? code : (int)Grpc.Core.StatusCode.Unknown;
    }
}
