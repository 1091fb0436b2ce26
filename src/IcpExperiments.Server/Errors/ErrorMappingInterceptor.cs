using Grpc.Core;
using Grpc.Core.Interceptors;
using IcpExperiments.Core.Errors;

namespace IcpExperiments.Server.Errors;

/// <summary>
/// Turns exceptions escaping a service method into statuses a client can act on: domain errors into their codes
/// with rich details, cancellation into CANCELLED (or DEADLINE_EXCEEDED), and anything else into an INTERNAL
/// status whose message names a trace id but never the exception (details go to the log only). Request streams are
/// wrapped so that malformed frames read from them are the client's INVALID_ARGUMENT, not our INTERNAL.
/// </summary>
public sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger, TimeProvider time) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            return await continuation(new FramingErrorStreamReader<TRequest>(requestStream), context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            await continuation(new FramingErrorStreamReader<TRequest>(requestStream), responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case DomainException domain:
                return RpcErrors.From(domain);
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return context.Deadline <= time.GetUtcNow().UtcDateTime
                    ? RpcErrors.Plain(StatusCode.DeadlineExceeded, "DEADLINE_EXCEEDED", "The deadline passed before the call completed.")
                    : RpcErrors.Plain(StatusCode.Cancelled, "CANCELLED", "The call was cancelled by the client.");
            default:
                var traceId = context.GetHttpContext().TraceIdentifier;
                LogUnexpected(logger, exception, context.Method, traceId);
                return RpcErrors.Plain(StatusCode.Internal, "INTERNAL", $"An internal error occurred (trace id {traceId}).");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in {Method} (trace id {TraceId}).")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string traceId);
}
