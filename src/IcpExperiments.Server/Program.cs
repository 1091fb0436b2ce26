using IcpExperiments.Server.Composition;
using IcpExperiments.Server.Demo;
using IcpExperiments.Server.Web;
using IcpExperiments.Storage;

// Plaintext HTTP/2 on http://127.0.0.1:5080 by default (appsettings.json next to the binary, whatever the working
// directory); `--urls` and ASPNETCORE_URLS override it. HTTP/JSON and gRPC-Web: HTTP/1.1 on IcpExperiments:Web:Urls (5081).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = DemoCommandLine.Expand(args), ContentRootPath = AppContext.BaseDirectory });
builder.Services
    .AddIcpExperimentsStorage(builder.Configuration)
    .AddIcpExperimentsApplication()
    .AddIcpExperimentsGrpc()
    .AddIcpExperimentsSecurity(builder.Configuration)
    .AddIcpExperimentsDemo(builder.Configuration);
builder.AddIcpExperimentsWeb();

var app = builder.Build();
app.MapIcpExperimentsGrpc();
app.UseIcpExperimentsWeb();
await app.Services.PrepareIcpExperimentsAsync(app.Lifetime.ApplicationStopping);
await app.RunAsync();
