using IcpExperiments.Core.Telemetry;
using IcpExperiments.Storage.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IcpExperiments.Server.Telemetry;

/// <summary>
/// OpenTelemetry in one place: gRPC server spans (ASP.NET Core instrumentation with rpc.* attributes), the storage
/// layer's database spans, our meter and the ASP.NET Core and runtime meters. OTLP export is on when an
/// <c>OTEL_EXPORTER_OTLP_*ENDPOINT</c> is set (the exporter reads the other <c>OTEL_*</c> variables itself), console
/// export when <see cref="TelemetryOptions.Console"/> is. Without either, no provider is built (negligible overhead).
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public const string DefaultServiceName = "icp-experiments";

    /// <summary>The ASP.NET Core instrumentation's switch for rpc.* attributes (read from configuration only, so set there).</summary>
    public const string GrpcInstrumentationSwitch = "OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_ENABLE_GRPC_INSTRUMENTATION";

    private static readonly string[] OtlpEndpointVariables = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"];

    public static TBuilder AddIcpExperimentsTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.SectionName));
        services.AddMetrics();
        services.AddSingleton<IcpExperimentsMetrics>();
        services.AddTransient<IStartupFilter, RpcMetricsStartupFilter>();

        bool otlp = OtlpEndpointVariables.Any(name => !string.IsNullOrWhiteSpace(configuration[name]));
        if (!otlp && !options.Console && !options.Enabled) return builder;

        // On unless the environment says otherwise: without it gRPC server spans carry only http.* attributes.
        if (configuration[GrpcInstrumentationSwitch] is null) configuration.AddInMemoryCollection([new(GrpcInstrumentationSwitch, "true")]);

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName: configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName,
                serviceVersion: typeof(TelemetryServiceCollectionExtensions).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing =>
            {
                // The instrumentation names gRPC calls by current conventions (rpc.system.name, rpc.method = service/method,
                // rpc.response.status_code); the older rpc.system, rpc.service and numeric rpc.grpc.status_code are added for
                // dashboards built on them and to match the rpc duration metric.
                tracing.AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.EnrichWithHttpResponse = AddRpcAttributes)
                    .AddSource(StorageTelemetry.SourceName);
                if (otlp) tracing.AddOtlpExporter();
                if (options.Console) tracing.AddConsoleExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddMeter(IcpExperimentsMetrics.MeterName)
                    .AddMeter("System.Runtime"); // the runtime's built-in meter (GC, thread pool, exceptions)
                if (otlp) metrics.AddOtlpExporter();
                if (options.Console) metrics.AddConsoleExporter();
            });
        return builder;
    }

    private static void AddRpcAttributes(System.Diagnostics.Activity activity, HttpResponse response)
    {
        if (GrpcCallInfo.Method(response.HttpContext) is not { } method) return;
        activity.SetTag("rpc.system", "grpc");
        activity.SetTag("rpc.service", method.ServiceName);
        activity.SetTag("rpc.grpc.status_code", GrpcCallInfo.StatusCode(response.HttpContext));
    }
}
