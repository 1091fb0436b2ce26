using IcpExperiments.Core.Telemetry;

namespace IcpExperiments.Server.Telemetry;

/// <summary>
/// Times every gRPC call and records it with its service, method and final gRPC status code
/// (<see cref="IcpExperimentsMetrics.RpcDurationName"/>). It wraps the whole pipeline, so calls failed by framing,
/// authentication or an unparseable message count too, with the status the client received.
/// </summary>
internal sealed class RpcMetricsMiddleware(RequestDelegate next, IcpExperimentsMetrics metrics, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        long started = time.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            // The endpoint is known once routing ran, i.e. after next; requests that are not gRPC calls are not recorded.
            if (GrpcCallInfo.Method(context) is { } method)
                metrics.RecordRpc(method.ServiceName, method.FullName.TrimStart('/'), GrpcCallInfo.StatusCode(context), time.GetElapsedTime(started));
        }
    }
}
