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
    /// The status the client received: the <c>grpc-status</c> trailer, or the header of a trailers-only response. A call
    /// answered without one (HTTP/JSON transcoding) is read from its HTTP status; anything else is UNKNOWN.
    /// </summary>
    public static int StatusCode(HttpContext context)
    {
        var trailers = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        var value = trailers is not null && trailers.TryGetValue("grpc-status", out var trailer) ? trailer.ToString() : context.Response.Headers["grpc-status"].ToString();
        if (int.TryParse(value, out int code)) return code;
        return (int)(context.Response.StatusCode switch
        {
            >= 200 and < 300 => Grpc.Core.StatusCode.OK,
            400 => Grpc.Core.StatusCode.InvalidArgument,
            401 => Grpc.Core.StatusCode.Unauthenticated,
            403 => Grpc.Core.StatusCode.PermissionDenied,
            404 => Grpc.Core.StatusCode.NotFound,
            409 => Grpc.Core.StatusCode.Aborted,
            429 => Grpc.Core.StatusCode.ResourceExhausted,
            503 => Grpc.Core.StatusCode.Unavailable,
            504 => Grpc.Core.StatusCode.DeadlineExceeded,
            _ => Grpc.Core.StatusCode.Unknown,
        });
    }
}
