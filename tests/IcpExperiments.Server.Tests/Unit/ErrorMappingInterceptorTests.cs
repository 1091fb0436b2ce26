extern alias server;

using Google.Rpc;
using Grpc.Core;
using IcpExperiments.Core.Errors;
using Microsoft.Extensions.Logging.Abstractions;
using ErrorMappingInterceptor = server::IcpExperiments.Server.Errors.ErrorMappingInterceptor;

namespace IcpExperiments.Server.Tests.Unit;

public sealed class ErrorMappingInterceptorTests
{
    [Fact]
    public async Task UnaryServerHandler_CancelledByClient_Cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var context = new FakeServerCallContext(DateTime.MaxValue, cancellation.Token);

        var failure = await Assert.ThrowsAsync<RpcException>(() => CreateSut().UnaryServerHandler<string, string>(
            "request", context, (_, c) => Task.FromException<string>(new OperationCanceledException(c.CancellationToken))));

        Assert.Equal(StatusCode.Cancelled, failure.StatusCode);
        Assert.Equal("CANCELLED", failure.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
    }

    [Fact]
    public async Task UnaryServerHandler_DeadlinePassed_DeadlineExceeded()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var context = new FakeServerCallContext(DateTime.UtcNow.AddSeconds(-1), cancellation.Token);

        var failure = await Assert.ThrowsAsync<RpcException>(() => CreateSut().UnaryServerHandler<string, string>(
            "request", context, (_, c) => Task.FromException<string>(new OperationCanceledException(c.CancellationToken))));

        Assert.Equal(StatusCode.DeadlineExceeded, failure.StatusCode);
    }

    [Fact]
    public async Task DuplexStreamingServerHandler_DomainError_MappedWithDetails()
    {
        var context = new FakeServerCallContext(DateTime.MaxValue, CancellationToken.None);

        var failure = await Assert.ThrowsAsync<RpcException>(() => CreateSut().DuplexStreamingServerHandler<string, string>(
            null!, null!, context, (_, _, _) => throw new PreconditionFailedException("EXPERIMENT_NOT_RUNNING", "Experiment 'e' is DRAFT.")));

        Assert.Equal(StatusCode.FailedPrecondition, failure.StatusCode);
        Assert.Equal("EXPERIMENT_NOT_RUNNING", failure.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
    }

    [Fact]
    public async Task UnaryServerHandler_RpcExceptionFromService_PassedThroughUnchanged()
    {
        var original = new RpcException(new Grpc.Core.Status(StatusCode.Unauthenticated, "who are you?"));
        var context = new FakeServerCallContext(DateTime.MaxValue, CancellationToken.None);

        var failure = await Assert.ThrowsAsync<RpcException>(() => CreateSut().UnaryServerHandler<string, string>(
            "request", context, (_, _) => throw original));

        Assert.Same(original, failure);
    }

    private static ErrorMappingInterceptor CreateSut() => new(NullLogger<ErrorMappingInterceptor>.Instance, TimeProvider.System);
}
