namespace IcpExperiments.Server.Web;

/// <summary>
/// Which browser origins may call the API (JSON and gRPC-Web), section <c>IcpExperiments:Cors</c>. None by default:
/// a page on another origin is refused until its origin is listed here.
/// </summary>
public sealed class BrowserCorsOptions
{
    public const string SectionName = "IcpExperiments:Cors";

    /// <summary>
    /// Exact origins (<c>scheme://host[:port]</c>, no path), e.g. <c>https://dash.example.com</c>. Given as an array
    /// (<c>IcpExperiments:Cors:AllowedOrigins:0</c>) or as one comma-separated value
    /// (<c>IcpExperiments__Cors__AllowedOrigins=https://a.example,https://b.example</c>).
    /// </summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>Reads the section, accepting both the array and the comma-separated form.</summary>
    public static BrowserCorsOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName).GetSection(nameof(AllowedOrigins));
        var values = section.Value is { } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? "");
        return new BrowserCorsOptions { AllowedOrigins = [.. values.Select(v => v.Trim()).Where(v => v.Length > 0)] };
    }

    /// <summary>Problems with the listed origins, empty when they are all usable.</summary>
    public IReadOnlyList<string> Validate() =>
    [
        .. AllowedOrigins.Where(origin => !IsOrigin(origin))
            .Select(origin => $"{SectionName}:{nameof(AllowedOrigins)}: '{origin}' is not an origin (scheme://host[:port], http or https, no path; '*' is not accepted)."),
    ];

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.AbsolutePath == "/" && !value.EndsWith('/') && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;
}
