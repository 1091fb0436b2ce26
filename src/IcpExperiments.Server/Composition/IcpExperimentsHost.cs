using IcpExperiments.Server.Demo;
using IcpExperiments.Server.Telemetry;
using IcpExperiments.Server.Web;
using IcpExperiments.Storage;
using IcpExperiments.Storage.Postgres;

namespace IcpExperiments.Server.Composition;

/// <summary>
/// The whole composition of the server, shared by Program.cs and in-process tests: <see cref="CreateBuilder"/> registers
/// everything (a test may add to the services before building, e.g. in-memory telemetry exporters), and
/// <see cref="BuildAsync"/> maps the endpoints and prepares storage.
/// </summary>
public static class IcpExperimentsHost
{
    /// <summary>
    /// Plaintext HTTP/2 on http://127.0.0.1:5080 by default (appsettings.json next to the binary, whatever the working
    /// directory); <c>--urls</c> and ASPNETCORE_URLS override it. HTTP/JSON and gRPC-Web: HTTP/1.1 on
    /// IcpExperiments:Web:Urls (http://127.0.0.1:5081 by default).
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = DemoCommandLine.Expand(args), ContentRootPath = AppContext.BaseDirectory });
        builder.Services
            .AddIcpExperimentsStorage(builder.Configuration)
            .AddIcpExperimentsPostgresStorage()
            .AddIcpExperimentsApplication()
            .AddIcpExperimentsGrpc()
            .AddIcpExperimentsSecurity(builder.Configuration)
            .AddIcpExperimentsDemo(builder.Configuration);
        builder.AddIcpExperimentsTelemetry();
        builder.AddIcpExperimentsWeb();
        return builder;
    }

    /// <summary>Builds the application, maps its endpoints and runs the start-up work (migrations, bootstrap key, demo data).</summary>
    public static async Task<WebApplication> BuildAsync(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        app.MapIcpExperimentsGrpc();
        app.UseIcpExperimentsWeb();
        await app.Services.PrepareIcpExperimentsAsync(app.Lifetime.ApplicationStopping);
        return app;
    }
}
