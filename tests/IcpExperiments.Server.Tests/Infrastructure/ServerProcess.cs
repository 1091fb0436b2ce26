using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace IcpExperiments.Server.Tests.Infrastructure;

/// <summary>
/// The real server binary running as a child process on a free loopback port with its own SQLite file. Start waits
/// until the gRPC health check reports SERVING; Kill ends the process abruptly (as a crash would) so a restart on
/// the same file shows what was durable.
/// <para>
/// The server is configured with a known bootstrap admin key (<see cref="AdminKey"/>, team <c>default</c>) and every
/// channel from <see cref="CreateChannel()"/> sends it, so tests call the API as an admin unless they ask for another
/// key. The per-key rate limit is off (tests and benchmarks measure the server, not the limiter), and so is the live
/// results staleness bound (tests read their own writes); a test or benchmark turns them on with its own command-line
/// setting, which wins over these environment variables.
/// </para>
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>
    /// Runs the server on PostgreSQL with this connection string (its database created beforehand, or by the server's
    /// migrations); null runs it on the SQLite file at <see cref="DatabasePath"/>.
    /// </summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>The bootstrap admin key the server is started with (unless <see cref="BootstrapAdminKey"/> says otherwise).</summary>
    public const string AdminKey = "icpx_e2e-admin_known-test-key-never-used-outside-tests";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder output = new();
    private readonly string workingDirectory;
    private Process? process;

    public ServerProcess(params string[] extraArguments)
    {
        workingDirectory = Directory.CreateTempSubdirectory("icpx-e2e-").FullName;
        DatabasePath = Path.Combine(workingDirectory, "icp-experiments.db");
        ExtraArguments = extraArguments;
    }

    public string DatabasePath { get; }

    public Uri Address { get; private set; } = new("http://127.0.0.1:0");

    /// <summary>The HTTP/1.1 endpoint of JSON transcoding and gRPC-Web (IcpExperiments:Web:Urls), on its own free port.</summary>
    public Uri WebAddress { get; private set; } = new("http://127.0.0.1:0");

    public IReadOnlyList<string> ExtraArguments { get; }

    /// <summary>The bootstrap admin key configured (environment) and sent by default channels; null configures none.</summary>
    public string? BootstrapAdminKey { get; init; } = AdminKey;

    /// <summary>The operating-system id of the running server (for /proc/&lt;pid&gt;/status), null when it is not running.</summary>
    public int? ProcessId => process?.Id;

    /// <summary>The folder the server runs in and keeps its database in.</summary>
    public string WorkingDirectory => workingDirectory;

    /// <summary>Everything the server wrote to stdout and stderr so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    public async Task StartAsync()
    {
        Address = new Uri($"http://127.0.0.1:{FreePort()}");
        WebAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { ServerAssemblyPath(), "--urls", Address.ToString().TrimEnd('/'), $"--IcpExperiments:Web:Urls={WebAddress.ToString().TrimEnd('/')}", $"--IcpExperiments:Storage:DatabasePath={DatabasePath}" }.Concat(ExtraArguments))
            startInfo.ArgumentList.Add(argument);
        if (PostgresConnectionString is not null)
        {
            startInfo.Environment["IcpExperiments__Storage__Provider"] = "postgres";
            startInfo.Environment["IcpExperiments__Storage__ConnectionString"] = PostgresConnectionString;
        }

        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["IcpExperiments__RateLimit__PermitsPerSecond"] = "0";
        // Tests read their own writes at once; the live staleness bound (5 s by default) has its own tests.
        startInfo.Environment["IcpExperiments__Analysis__LiveMaxStaleness"] = "00:00:00";
        if (BootstrapAdminKey is not null) startInfo.Environment["IcpExperiments__Auth__BootstrapAdminKey"] = BootstrapAdminKey;
        process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilServingAsync();
    }

    /// <summary>Ends the process at once, without a graceful shutdown.</summary>
    public async Task KillAsync()
    {
        if (process is null) return;
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    /// <summary>A channel whose calls carry the bootstrap admin key (none when the server was started without one).</summary>
    public GrpcChannel CreateChannel() => CreateChannel(BootstrapAdminKey);

    /// <summary>A channel whose calls carry <paramref name="apiKey"/> as <c>authorization: Bearer</c>; null sends no key.</summary>
    public GrpcChannel CreateChannel(string? apiKey) => CreateChannel(Address, apiKey, new GrpcChannelOptions());

    /// <summary>A channel to <paramref name="address"/> with <paramref name="options"/> (e.g. a gRPC-Web handler) whose calls carry <paramref name="apiKey"/>; null sends no key.</summary>
    public static GrpcChannel CreateChannel(Uri address, string? apiKey, GrpcChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (apiKey is not null)
        {
            options.Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", $"Bearer {apiKey}");
                return Task.CompletedTask;
            }));
            options.UnsafeUseInsecureChannelCallCredentials = true;
        }

        return GrpcChannel.ForAddress(address, options);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; never fail a test run over it.
        }
    }

    private async Task WaitUntilServingAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        Grpc.Core.RpcException? lastError = null;
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                // HasExited can be seen before the output readers reach end of stream; WaitForExitAsync waits for them,
                // so the message below carries everything the server printed (the setting it refused, for instance).
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"The server exited with code {process.ExitCode} during start-up:\n{Output}");
            }

            try
            {
                // A fresh channel per attempt: a channel that failed to connect backs off before trying again.
                using var channel = CreateChannel();
                var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving) return;
            }
            catch (Grpc.Core.RpcException exception)
            {
                lastError = exception; // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The server did not report SERVING within {StartTimeout.TotalSeconds} s (last error: {lastError?.Status}):\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private static string ServerAssemblyPath()
    {
        var path = typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ServerAssemblyPath").Value!;
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the server first; its binary is missing.", path);
    }

    /// <summary>A loopback TCP port free at the time of the call.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
