using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.AspNetCore.Server.Model;
using Grpc.AspNetCore.Web;
using IcpExperiments.Server.Errors;
using Microsoft.Extensions.Options;

namespace IcpExperiments.Server.Web;

/// <summary>
/// The browser-ready API: HTTP/JSON transcoding of the <c>google.api.http</c> rules in the protos, gRPC-Web, CORS for the
/// configured origins, and the HTTP/1.1 endpoint they are served on (<see cref="WebOptions"/>). Calls go through the
/// same services and interceptors as gRPC (authentication, rate limit, audit, error mapping).
/// </summary>
public static class WebCompositionExtensions
{
    /// <summary>Registers transcoding, CORS and the browser endpoint; call after <c>AddIcpExperimentsGrpc</c>.</summary>
    public static WebApplicationBuilder AddIcpExperimentsWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (!services.Any(d => d.ServiceType == typeof(IServiceMethodProvider<>) && d.ImplementationType == typeof(ValidatingServiceMethodProvider<>)))
            throw new InvalidOperationException("Call AddIcpExperimentsGrpc before AddIcpExperimentsWeb (it replaces the gRPC method provider).");

        new GrpcServerBuilderAdapter(services).AddJsonTranscoding(options =>
            // Without the detail types an error with details becomes an empty HTTP 500 (the Any cannot be written).
            options.TypeRegistry = TypeRegistry.FromMessages(ErrorInfo.Descriptor, BadRequest.Descriptor, RetryInfo.Descriptor));

        var cors = BrowserCorsOptions.From(builder.Configuration);
        var problems = cors.Validate();
        if (problems.Count > 0) throw new OptionsValidationException(BrowserCorsOptions.SectionName, typeof(BrowserCorsOptions), problems);
        services.AddCors(options => options.AddPolicy(BrowserCorsPolicy.Name, policy => BrowserCorsPolicy.Configure(policy, cors.AllowedOrigins)));

        var web = builder.Configuration.GetSection(WebOptions.SectionName).Get<WebOptions>() ?? new WebOptions();
        WebEndpoints.Add(builder.WebHost, web);
        return builder;
    }

    /// <summary>
    /// CORS, then gRPC-Web (which turns a gRPC-Web request into a gRPC one). Call after <c>MapIcpExperimentsGrpc</c>:
    /// its framing check must see requests before gRPC-Web rewrites them (the grpc-web-text reader cannot be peeked).
    /// </summary>
    public static WebApplication UseIcpExperimentsWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCors(BrowserCorsPolicy.Name);
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        return app;
    }
}
