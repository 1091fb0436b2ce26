using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using IcpExperiments.Storage.Security;

namespace IcpExperiments.Server.Security.Audit;

/// <summary>
/// Records every write call (<see cref="RpcPolicy.IsWrite"/>) once it has ended: who (key id), what (method and
/// resource), when and its status. A stream is one entry with its message count, never one per message or row.
/// Runs outside the error mapping, so it sees the status the client gets.
/// </summary>
public sealed class AuditInterceptor(AuditTrail trail, TimeProvider time) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return IsAudited(context) ? AuditUnaryAsync(request, context, continuation) : continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        if (!IsAudited(context)) return continuation(requestStream, context);
        var reader = new AuditedStreamReader<TRequest>(requestStream);
        return AuditAsync(context, () => continuation(reader, context), _ => reader.Resources, () => $"messages={reader.Count}");
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return IsAudited(context)
            ? AuditAsync(context, async () => { await continuation(request, responseStream, context); return true; }, _ => AuditResource.Of(request), () => "")
            : continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        if (!IsAudited(context)) return continuation(requestStream, responseStream, context);
        var reader = new AuditedStreamReader<TRequest>(requestStream);
        return AuditAsync(context, async () => { await continuation(reader, responseStream, context); return true; }, _ => reader.Resources, () => $"messages={reader.Count}");
    }

    /// <summary>The google.rpc.Code name of a status, e.g. <c>NOT_FOUND</c>.</summary>
    public static string CodeName(StatusCode code) => CodeReflection.Descriptor.EnumTypes[0].FindValueByNumber((int)code)?.Name ?? code.ToString();

    private static bool IsAudited(ServerCallContext context) =>
        context.FindCaller() is not null && RpcPolicyTable.Find(context.Method) is { IsWrite: true };

    /// <summary>The unary case of <see cref="AuditAsync"/>, without its delegates: every unary write passes here.</summary>
    private async Task<TResponse> AuditUnaryAsync<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class
    {
        TResponse? response = null;
        var code = StatusCode.OK;
        try
        {
            response = await continuation(request, context);
            return response;
        }
        catch (Exception exception)
        {
            code = CodeOf(exception);
            throw;
        }
        finally
        {
            await RecordAsync(context, AuditResource.Of(response) ?? AuditResource.Of(request), code, "");
        }
    }

    private async Task<T> AuditAsync<T>(ServerCallContext context, Func<Task<T>> call, Func<T?, string?> resourceOf, Func<string> detail)
    {
        T? result = default;
        var code = StatusCode.OK;
        try
        {
            result = await call();
            return result;
        }
        catch (Exception exception)
        {
            code = CodeOf(exception);
            throw;
        }
        finally
        {
            await RecordAsync(context, resourceOf(result), code, detail());
        }
    }

    private static StatusCode CodeOf(Exception exception) => exception is RpcException rpc ? rpc.StatusCode : StatusCode.Unknown;

    private ValueTask RecordAsync(ServerCallContext context, string? resource, StatusCode code, string detail)
    {
        var caller = context.GetCaller();
        var entry = new AuditRecord(0, caller.Team, caller.ActorId, context.Method, resource ?? "", CodeName(code), detail, time.GetUtcNow());

        // Not the call's token: a cancelled call is audited too.
        return trail.RecordAsync(entry, CancellationToken.None);
    }
}
