using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Google.Protobuf;

namespace IcpExperiments.Server.Tests.Web;

/// <summary>
/// A plain HttpClient (HTTP/1.1, as a browser or curl) on the server's JSON endpoint. Requests are written with the
/// protobuf JSON formatter (what a client following the proto3 JSON mapping sends) or as literal JSON text.
/// </summary>
public sealed class JsonApi(Uri baseAddress, string? apiKey) : IDisposable
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));
    private readonly HttpClient client = Create(baseAddress, apiKey);

    public Task<HttpResponseMessage> GetAsync(string path) => client.GetAsync(new Uri(path, UriKind.Relative));

    /// <summary>Starts a GET whose response is a stream (server-streaming RPC): returns once the headers arrive.</summary>
    public Task<HttpResponseMessage> GetStreamAsync(string path, CancellationToken cancellationToken) =>
        client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    /// <summary>Reads the next message of a streamed response: transcoding writes one JSON object per line.</summary>
    public static async Task<T> ReadNextMessageAsync<T>(StreamReader reader, CancellationToken cancellationToken)
        where T : IMessage, new()
    {
        var line = await reader.ReadLineAsync(cancellationToken) ?? throw new InvalidOperationException("The stream ended before a message.");
        return Parser.Parse<T>(line);
    }

    public Task<HttpResponseMessage> PostAsync(string path, IMessage body) => PostAsync(path, JsonFormatter.Default.Format(body));

    public Task<HttpResponseMessage> PostAsync(string path, string json) =>
        client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PatchAsync(string path, IMessage body) =>
        client.PatchAsync(new Uri(path, UriKind.Relative), new StringContent(JsonFormatter.Default.Format(body), Encoding.UTF8, "application/json"));

    /// <summary>Asserts a 200 and parses the body as <typeparamref name="T"/>, failing on fields the contract does not have.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
        where T : IMessage, new()
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {body}");
        return Parser.Parse<T>(body);
    }

    /// <summary>The google.rpc.Status body of an error response, as JSON.</summary>
    public static async Task<JsonElement> ReadErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>The detail of <paramref name="status"/> whose @type ends with <paramref name="typeName"/> (e.g. google.rpc.BadRequest).</summary>
    public static JsonElement Detail(JsonElement status, string typeName) =>
        status.GetProperty("details").EnumerateArray().Single(d => d.GetProperty("@type").GetString() == $"type.googleapis.com/{typeName}");

    public void Dispose() => client.Dispose();

    private static HttpClient Create(Uri baseAddress, string? apiKey)
    {
        var client = new HttpClient { BaseAddress = baseAddress, DefaultRequestVersion = new Version(1, 1) };
        if (apiKey is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }
}
