namespace IcpExperiments.Server.Web;

/// <summary>
/// The browser-facing endpoint, section <c>IcpExperiments:Web</c>. Plaintext gRPC needs an HTTP/2-only endpoint, which
/// browsers and curl's default HTTP/1.1 cannot use; JSON transcoding and gRPC-Web are therefore served on their own
/// HTTP/1.1 (+HTTP/2 over TLS) endpoint, next to the gRPC endpoint given by <c>urls</c> / <c>--urls</c>.
/// </summary>
public sealed class WebOptions
{
    public const string SectionName = "IcpExperiments:Web";
    public const string DefaultUrls = "http://127.0.0.1:5081";

    /// <summary>
    /// Semicolon-separated URLs of the JSON / gRPC-Web endpoint, in the <c>urls</c> format (default
    /// <see cref="DefaultUrls"/>; environment <c>IcpExperiments__Web__Urls</c>). Their ports must differ from the gRPC
    /// endpoint's. Empty turns the extra endpoint off (JSON and gRPC-Web then need HTTP/2 on the gRPC port).
    /// </summary>
    public string Urls { get; set; } = DefaultUrls;
}
