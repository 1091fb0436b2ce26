using Google.Rpc;
using Grpc.Core;

namespace IcpExperiments.Server.Tests.Infrastructure;

/// <summary>Assertions on the rich errors of the API (google.rpc.Status with ErrorInfo and BadRequest details).</summary>
public static class RpcAssert
{
    /// <summary>Asserts the call fails with <paramref name="code"/> and an ErrorInfo of our domain; returns the status.</summary>
    public static Task<Google.Rpc.Status> FailsAsync<T>(StatusCode code, Func<AsyncUnaryCall<T>> call) =>
        FailsAsync(code, async () => await call());

    /// <summary>As above, for calls wrapped in a helper method.</summary>
    public static async Task<Google.Rpc.Status> FailsAsync(StatusCode code, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        return AssertStatus(exception, code);
    }

    public static Google.Rpc.Status AssertStatus(RpcException exception, StatusCode code)
    {
        Assert.Equal(code, exception.StatusCode);
        var status = exception.GetRpcStatus();
        Assert.NotNull(status);
        var info = status.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal("icp-experiments", info.Domain);
        return status;
    }

    /// <summary>Asserts the call fails with INVALID_ARGUMENT naming <paramref name="field"/> among its field violations.</summary>
    public static async Task<Google.Rpc.Status> InvalidFieldAsync<T>(string field, Func<AsyncUnaryCall<T>> call)
    {
        var status = await FailsAsync(StatusCode.InvalidArgument, call);
        var badRequest = status.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        var fields = badRequest.FieldViolations.Select(v => v.Field).ToList();
        Assert.True(fields.Contains(field), $"Expected a violation of '{field}'; got: {string.Join(", ", badRequest.FieldViolations.Select(v => $"{v.Field} ({v.Description})"))}");
        return status;
    }

    public static string Reason(Google.Rpc.Status status) => status.GetDetail<ErrorInfo>()!.Reason;
}
