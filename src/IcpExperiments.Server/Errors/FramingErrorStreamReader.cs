using Grpc.Core;

namespace IcpExperiments.Server.Errors;

/// <summary>
/// A request stream whose read failures are reported as the client's fault. grpc-dotnet throws INTERNAL (or
/// InvalidDataException / IOException) for a cut frame, a bad compression flag or a frame over 2 GB; read from a
/// stream, those can only come from the bytes the client sent, so they become INVALID_ARGUMENT (MALFORMED_FRAME).
/// </summary>
public sealed class FramingErrorStreamReader<T>(IAsyncStreamReader<T> inner) : IAsyncStreamReader<T>
{
    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        try
        {
            return await inner.MoveNext(cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.Internal or StatusCode.Unknown)
        {
            throw Malformed(exception.Status.Detail);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            throw Malformed(exception.Message);
        }
    }

    private static RpcException Malformed(string detail) =>
        RpcErrors.Plain(StatusCode.InvalidArgument, UnaryFramingMiddleware.Reason, RpcErrors.Cap($"The request stream is malformed: {detail}", 300));
}
