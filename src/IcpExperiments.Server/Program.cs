using IcpExperiments.Server.Composition;
using IcpExperiments.Server.Demo;
using IcpExperiments.Storage;
using IcpExperiments.Storage.Postgres;

// Plaintext HTTP/2 on http://127.0.0.1:5080 by default (appsettings.json next to the binary, whatever the working
// directory); `--urls` and ASPNETCORE_URLS override it.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = DemoCommandLine.Expand(args), ContentRootPath = AppContext.BaseDirectory });
builder.Services
    .AddIcpExperimentsStorage(builder.Configuration)
    .AddIcpExperimentsPostgresStorage()
    .AddIcpExperimentsApplication()
    .AddIcpExperimentsGrpc()
    .AddIcpExperimentsSecurity(builder.Configuration)
    .AddIcpExperimentsDemo(builder.Configuration);

var app = builder.Build();
app.MapIcpExperimentsGrpc();
await app.Services.PrepareIcpExperimentsAsync(app.Lifetime.ApplicationStopping);
await app.RunAsync();
