using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>
/// gRPC at the byte level: an HttpClient speaking HTTP/2 with prior knowledge posts hand-built bodies (length-prefixed
/// frames, possibly broken) and reads the status from the trailers, so requests no well-behaved client library would
/// send reach the server. Calls carry <c>authorization: Bearer</c> with the given key (the tests' admin key by default).
/// </summary>
public sealed class RawGrpcClient(Uri address, string? apiKey = Infrastructure.ServerProcess.AdminKey) : IDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient http = new(new SocketsHttpHandler { EnableMultipleHttp2Connections = true }) { BaseAddress = address, Timeout = CallTimeout };

    /// <summary>A well-formed gRPC frame: flag 0, big-endian length, the message.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> message) => Frame(0, (uint)message.Length, message);

    /// <summary>A frame with any flag and any declared length, whatever the payload really is.</summary>
    public static byte[] Frame(byte flag, uint declaredLength, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength);
        payload.CopyTo(frame.AsSpan(5));
        return frame;
    }

    /// <summary>Posts <paramref name="body"/> to <c>/{service}/{method}</c> (with a grpc-timeout when a deadline is given); returns the grpc-status (trailers, or headers for trailers-only answers).</summary>
    public async Task<StatusCode> CallAsync(string path, byte[] body, TimeSpan? deadline = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (deadline is { } timeout) request.Headers.TryAddWithoutValidation("grpc-timeout", $"{(long)timeout.TotalMilliseconds}m");
        if (apiKey is not null) request.Headers.TryAddWithoutValidation("authorization", $"Bearer {apiKey}");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using (var stream = await response.Content.ReadAsStreamAsync(cancellationToken))
            await stream.CopyToAsync(Stream.Null, cancellationToken);
        var status = Header(response.TrailingHeaders) ?? Header(response.Headers)
            ?? throw new InvalidOperationException($"No grpc-status from {path} (HTTP {(int)response.StatusCode}).");
        return (StatusCode)int.Parse(status, CultureInfo.InvariantCulture);
    }

    public void Dispose() => http.Dispose();

    private static string? Header(HttpHeaders headers) => headers.TryGetValues("grpc-status", out var values) ? values.FirstOrDefault() : null;
}
