namespace IcpExperiments.Server.Telemetry;

/// <summary>Puts <see cref="RpcMetricsMiddleware"/> in front of the whole pipeline, so composition needs no extra line for it.</summary>
internal sealed class RpcMetricsStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<RpcMetricsMiddleware>();
        next(app);
    };
}
