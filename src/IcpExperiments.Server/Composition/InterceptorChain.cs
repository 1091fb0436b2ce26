using Grpc.Core;
using Grpc.Core.Interceptors;
using IcpExperiments.Server.Errors;
using IcpExperiments.Server.Security;
using IcpExperiments.Server.Security.Audit;

namespace IcpExperiments.Server.Composition;

/// <summary>
/// The server's interceptors as the one interceptor registered with gRPC, in their order (outermost first):
/// authentication, the per-key rate limit, the audit trail, error mapping. grpc-dotnet wraps each registered interceptor
/// in an async step of its own and resolves it from the request's services on every call; chained here, a call pays
/// that once instead of four times (measured on unary RecordOutcome, where every layer stays on the call's path until its
/// write has committed).
/// </summary>
public sealed class InterceptorChain(
    AuthenticationInterceptor authentication, RateLimitInterceptor rateLimit, AuditInterceptor audit, ErrorMappingInterceptor errorMapping) : Interceptor
{
    private readonly Interceptor[] chain = [authentication, rateLimit, audit, errorMapping];

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        Unary(0, request, context, continuation);

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        ClientStreaming(0, requestStream, context, continuation);

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        ServerStreaming(0, request, responseStream, context, continuation);

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        DuplexStreaming(0, requestStream, responseStream, context, continuation);

    private Task<TResponse> Unary<TRequest, TResponse>(int index, TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class =>
        index == chain.Length
            ? continuation(request, context)
            : chain[index].UnaryServerHandler(request, context, (r, c) => Unary(index + 1, r, c, continuation));

    private Task<TResponse> ClientStreaming<TRequest, TResponse>(int index, IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class =>
        index == chain.Length
            ? continuation(requestStream, context)
            : chain[index].ClientStreamingServerHandler(requestStream, context, (s, c) => ClientStreaming(index + 1, s, c, continuation));

    private Task ServerStreaming<TRequest, TResponse>(int index, TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class =>
        index == chain.Length
            ? continuation(request, responseStream, context)
            : chain[index].ServerStreamingServerHandler(request, responseStream, context, (r, w, c) => ServerStreaming(index + 1, r, w, c, continuation));

    private Task DuplexStreaming<TRequest, TResponse>(int index, IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class =>
        index == chain.Length
            ? continuation(requestStream, responseStream, context)
            : chain[index].DuplexStreamingServerHandler(requestStream, responseStream, context, (s, w, c) => DuplexStreaming(index + 1, s, w, c, continuation));
}
