using System.Globalization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace IcpExperiments.Server.Web;

/// <summary>
/// Adds the browser endpoint (<see cref="WebOptions.Urls"/>) to the server's <c>urls</c> so <c>--urls</c> and
/// ASPNETCORE_URLS keep choosing the gRPC endpoint, and gives HTTP/1.1 to the browser endpoint only: the gRPC endpoint
/// keeps the configured protocols (HTTP/2 only by default, which plaintext gRPC needs). Endpoints are told apart by port.
/// Plaintext browser ports speak HTTP/1.1 only (HTTP/2 without TLS needs prior knowledge, which browsers never use);
/// https ones negotiate HTTP/1.1 or HTTP/2.
/// </summary>
internal static class WebEndpoints
{
    public static void Add(IWebHostBuilder webHost, WebOptions options)
    {
        var webUrls = Split(options.Urls);
        if (webUrls.Count == 0) return;
        var webPorts = Ports(webUrls, $"{WebOptions.SectionName}:{nameof(WebOptions.Urls)}");
        if (webPorts.ContainsKey(0))
            throw Invalid($"{WebOptions.SectionName}:{nameof(WebOptions.Urls)} needs fixed ports (0 cannot be told apart from the gRPC endpoint).");
        var grpcUrls = Split(webHost.GetSetting(WebHostDefaults.ServerUrlsKey));
        var shared = Ports(grpcUrls, "urls").Keys.Intersect(webPorts.Keys).Order().ToList();
        if (shared.Count > 0)
        {
            throw Invalid(
                $"{WebOptions.SectionName}:{nameof(WebOptions.Urls)} uses port {string.Join(", ", shared)}, which urls (the gRPC endpoint) uses too; give the browser endpoint its own port.");
        }

        webHost.UseSetting(WebHostDefaults.ServerUrlsKey, string.Join(';', grpcUrls.Concat(webUrls)));
        webHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen =>
        {
            // Runs for every endpoint Kestrel binds from urls, after the configured defaults (Kestrel:EndpointDefaults).
            if (listen.IPEndPoint is { } endPoint && webPorts.TryGetValue(endPoint.Port, out var https))
                listen.Protocols = https ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http1;
        }));
    }

    private static List<string> Split(string? urls) =>
        [.. (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The TCP ports of <paramref name="urls"/>, each with whether it is https.</summary>
    private static Dictionary<int, bool> Ports(IEnumerable<string> urls, string setting)
    {
        var ports = new Dictionary<int, bool>();
        foreach (var url in urls)
        {
            try
            {
                var address = BindingAddress.Parse(url);
                if (!address.IsNamedPipe && !address.IsUnixPipe) ports[address.Port] = address.Scheme == Uri.UriSchemeHttps;
            }
            catch (FormatException exception)
            {
                throw Invalid(string.Create(CultureInfo.InvariantCulture, $"{setting}: '{url}' is not a URL Kestrel can bind ({exception.Message})."));
            }
        }

        return ports;
    }

    /// <summary>A bad setting, reported like every other option failure (Program prints it and exits with code 2).</summary>
    private static OptionsValidationException Invalid(string message) => new(WebOptions.SectionName, typeof(WebOptions), [message]);
}
