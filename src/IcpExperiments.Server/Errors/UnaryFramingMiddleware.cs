using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;

namespace IcpExperiments.Server.Errors;

/// <summary>
/// Checks the framing of a single-request gRPC call (unary or server-streaming) before grpc-dotnet reads it: exactly
/// one length-prefixed message, a compression flag of 0 (or 1 with a grpc-encoding), nothing cut and nothing after it.
/// grpc-dotnet answers such bodies with INTERNAL or UNKNOWN, which tells the client the server failed; here they get
/// INVALID_ARGUMENT (reason MALFORMED_FRAME) as a trailers-only response. Request streams are framed message by
/// message and left to the stream readers (see <see cref="FramingErrorStreamReader{T}"/>). A declared length over the
/// limit is RESOURCE_EXHAUSTED. Only native gRPC (application/grpc) is checked: JSON transcoding and gRPC-Web requests
/// pass through untouched.
/// </summary>
public sealed class UnaryFramingMiddleware(RequestDelegate next)
{
    public const string Reason = "MALFORMED_FRAME";
    private const int HeaderBytes = 5;

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        // JSON transcoding endpoints carry the same method metadata but no gRPC framing; gRPC-Web is left to
        // grpc-dotnet (this runs before the gRPC-Web middleware, whose grpc-web-text reader cannot be peeked).
        if (method?.Type is not (MethodType.Unary or MethodType.ServerStreaming) || !IsGrpc(context.Request)) return next(context);

        // A small request has usually arrived whole: judged at once and well formed, the call then runs without an async
        // step of this middleware around it (a unary write would keep that step until its commit).
        var judging = FindProblemAsync(context.Request, context.RequestAborted);
        if (!judging.IsCompletedSuccessfully) return JudgedAsync(judging, context);
        var problem = judging.Result;
        return problem is null ? next(context) : Refuse(context, problem.Value.Code, problem.Value.Message);
    }

    private async Task JudgedAsync(ValueTask<(StatusCode Code, string Message)?> judging, HttpContext context)
    {
        var problem = await judging;
        if (problem is null) await next(context);
        else await Refuse(context, problem.Value.Code, problem.Value.Message);
    }

    /// <summary>Answers the call with <paramref name="code"/> as a trailers-only response, without running it.</summary>
    private static Task Refuse(HttpContext context, StatusCode code, string message)
    {
        var status = RpcErrors.Plain(code, code == StatusCode.ResourceExhausted ? "MESSAGE_TOO_LARGE" : Reason, message).GetRpcStatus()!;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        context.Response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
        return Task.CompletedTask;
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase)
        && !type.StartsWith("application/grpc-web", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads (without consuming) until the frame can be judged; null when it is well formed.</summary>
    private static async ValueTask<(StatusCode Code, string Message)?> FindProblemAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            var verdict = Judge(buffer, result.IsCompleted, request.Headers["grpc-encoding"].ToString());
            reader.AdvanceTo(buffer.Start, buffer.End); // Leave every byte for grpc-dotnet.
            if (verdict.Decided) return verdict.Problem is null ? null : (verdict.TooLarge ? StatusCode.ResourceExhausted : StatusCode.InvalidArgument, verdict.Problem);
        }
    }

    private static (bool Decided, string? Problem, bool TooLarge) Judge(ReadOnlySequence<byte> buffer, bool complete, string encoding)
    {
        if (buffer.Length < HeaderBytes)
            return complete ? (true, buffer.Length == 0 ? "This call needs exactly one message; the body was empty." : "The body ended inside the 5-byte message header.", false) : (false, null, false);
        Span<byte> header = stackalloc byte[HeaderBytes];
        buffer.Slice(0, HeaderBytes).CopyTo(header);
        if (header[0] > 1) return (true, $"Compression flag {header[0]} is not 0 or 1.", false);
        if (header[0] == 1 && (encoding.Length == 0 || encoding == "identity")) return (true, "The message is marked compressed but the call names no grpc-encoding.", false);
        long declared = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        // grpc-dotnet answers RESOURCE_EXHAUSTED up to 2 GB but UNKNOWN beyond (its length is an int): decide here for all.
        if (declared > Composition.GrpcServiceCollectionExtensions.MaxReceiveMessageBytes)
            return (true, $"The message declares {declared} bytes; the limit is {Composition.GrpcServiceCollectionExtensions.MaxReceiveMessageBytes}.", true);
        long expected = HeaderBytes + declared;
        if (buffer.Length > expected) return (true, "This call carries exactly one message; bytes follow it.", false);
        if (!complete) return (false, null, false);
        return buffer.Length < expected ? (true, $"The message was cut: {buffer.Length - HeaderBytes} of {declared} declared bytes arrived.", false) : (true, null, false);
    }
}
