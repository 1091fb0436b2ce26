extern alias server;

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using IcpExperiments.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using IcpExperimentsHost = server::IcpExperiments.Server.Composition.IcpExperimentsHost;

namespace IcpExperiments.Server.Tests.Telemetry;

/// <summary>
/// The server's real composition (<see cref="IcpExperimentsHost"/>, as Program.cs builds it) hosted in this process on a
/// free loopback port with its own SQLite file, telemetry enabled and in-memory exporters added: tests call it over a
/// real socket and read the spans and metrics it produced.
/// </summary>
public sealed class InProcessServer : IAsyncLifetime
{
    private static readonly TimeSpan SpanWait = TimeSpan.FromSeconds(10);
    private readonly string directory = Directory.CreateTempSubdirectory("icpx-otel-").FullName;
    private readonly SynchronizedList<Activity> spans = [];
    private readonly SynchronizedList<MetricSnapshot> metrics = [];
    private readonly Lock collecting = new();
    private WebApplication? app;

    public Uri Address { get; private set; } = new("http://127.0.0.1:0");

    public GrpcChannel Channel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Address = new Uri($"http://127.0.0.1:{FreePort()}");
        var builder = IcpExperimentsHost.CreateBuilder(
        [
            "--urls", Address.ToString().TrimEnd('/'),
            $"--IcpExperiments:Storage:DatabasePath={Path.Combine(directory, "icp-experiments.db")}",
            "--IcpExperiments:Telemetry:Enabled=true",
            "--IcpExperiments:RateLimit:PermitsPerSecond=0",
            $"--IcpExperiments:Auth:BootstrapAdminKey={ServerProcess.AdminKey}",
            "--Kestrel:EndpointDefaults:Protocols=Http2",
            "--IcpExperiments:Web:Urls=", // no browser endpoint: its default port would clash between servers
            "--Logging:LogLevel:Default=Warning",
        ]);
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
        builder.Services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
        app = await IcpExperimentsHost.BuildAsync(builder);
        await app.StartAsync();
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", $"Bearer {ServerProcess.AdminKey}");
            return Task.CompletedTask;
        });
        Channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
    }

    /// <summary>A position in the exported spans: <see cref="WaitForCallAsync"/> looks only at spans finished after it.</summary>
    public int MarkSpans() => spans.Snapshot().Count;

    /// <summary>
    /// The finished server span of the first call to <paramref name="method"/> after <paramref name="mark"/> and
    /// everything recorded in its trace. A server span ends just after the client has its response, so this waits for
    /// it (up to 10 s).
    /// </summary>
    public async Task<(Activity Server, IReadOnlyList<Activity> Trace)> WaitForCallAsync(string method, int mark)
    {
        var deadline = DateTime.UtcNow + SpanWait;
        while (true)
        {
            var finished = spans.Snapshot();
            var call = finished.Skip(mark).FirstOrDefault(s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("rpc.method"), method));
            if (call is not null) return (call, finished.Where(s => s.TraceId == call.TraceId).ToList());

            if (DateTime.UtcNow > deadline)
            {
                var seen = finished.Skip(mark).Select(s => $"{s.Kind} {s.DisplayName} [{string.Join(", ", s.Tags.Select(t => $"{t.Key}={t.Value}"))}]");
                throw new TimeoutException($"No server span for {method} within {SpanWait.TotalSeconds} s. Seen:\n{string.Join("\n", seen)}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>The metrics as of now (cumulative totals since start), after a forced collection.</summary>
    public IReadOnlyList<MetricSnapshot> CollectMetrics()
    {
        lock (collecting)
        {
            metrics.Clear();
            app!.Services.GetRequiredService<MeterProvider>().ForceFlush();
            return metrics.Snapshot();
        }
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
