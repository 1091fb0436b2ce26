using Grpc.Core;
using Grpc.Core.Interceptors;

namespace IcpExperiments.Server.Security;

/// <summary>
/// An interceptor that decides, before a call of any kind runs, whether it may run at all: <see cref="AdmitAsync"/>
/// throws an RpcException to refuse it.
/// </summary>
public abstract class AdmissionInterceptor : Interceptor
{
    /// <summary>
    /// Admission almost always completes at once (a cached key, a rate counter): the call then runs without an async
    /// step of this interceptor around it, which a unary write would otherwise keep until its commit. Failures still
    /// come back as a faulted task, as from an async method.
    /// </summary>
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            var admission = AdmitAsync(context);
            if (!admission.IsCompletedSuccessfully) return AdmitThenRunAsync(admission, request, context, continuation);
            admission.GetAwaiter().GetResult();
            return continuation(request, context);
        }
        catch (Exception exception)
        {
            return Task.FromException<TResponse>(exception);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        await AdmitAsync(context);
        return await continuation(requestStream, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        await AdmitAsync(context);
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        await AdmitAsync(context);
        await continuation(requestStream, responseStream, context);
    }

    private static async Task<TResponse> AdmitThenRunAsync<TRequest, TResponse>(
        ValueTask admission, TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class
    {
        await admission;
        return await continuation(request, context);
    }

    /// <summary>Returns when the call may proceed; throws an RpcException with the refusal otherwise.</summary>
    protected abstract ValueTask AdmitAsync(ServerCallContext context);
}
