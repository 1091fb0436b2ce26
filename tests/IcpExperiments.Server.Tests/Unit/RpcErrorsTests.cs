extern alias server;

using Google.Rpc;
using Grpc.Core;
using IcpExperiments.Core.Errors;
using RpcErrors = server::IcpExperiments.Server.Errors.RpcErrors;

namespace IcpExperiments.Server.Tests.Unit;

public sealed class RpcErrorsTests
{
    public static TheoryData<string, StatusCode> Cases => new()
    {
        { "validation", StatusCode.InvalidArgument },
        { "not found", StatusCode.NotFound },
        { "already exists", StatusCode.AlreadyExists },
        { "etag", StatusCode.Aborted },
        { "precondition", StatusCode.FailedPrecondition },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void From_DomainException_CodeMessageAndErrorInfo(string kind, StatusCode expected)
    {
        var exception = Create(kind);

        var rpc = RpcErrors.From(exception);

        Assert.Equal(expected, rpc.StatusCode);
        var status = rpc.GetRpcStatus()!;
        Assert.Equal(exception.Message, status.Message);
        var info = status.GetDetail<ErrorInfo>()!;
        Assert.Equal(("icp-experiments", exception.Reason), (info.Domain, info.Reason));
    }

    [Fact]
    public void From_ValidationFailed_OneFieldViolationPerProblem()
    {
        var exception = new ValidationFailedException([new FieldViolation("a.b", "is bad."), new FieldViolation("c[1]", "is worse.")]);

        var badRequest = RpcErrors.From(exception).GetRpcStatus()!.GetDetail<BadRequest>()!;

        Assert.Equal([("a.b", "is bad."), ("c[1]", "is worse.")], badRequest.FieldViolations.Select(v => (v.Field, v.Description)));
    }

    [Fact]
    public void From_NotFound_ErrorInfoNamesTheResource()
    {
        var info = RpcErrors.From(new NotFoundException("Experiment", "exp-1")).GetRpcStatus()!.GetDetail<ErrorInfo>()!;

        Assert.Equal("EXPERIMENT_NOT_FOUND", info.Reason);
        Assert.Equal("exp-1", info.Metadata["resource_name"]);
    }

    private static DomainException Create(string kind) => kind switch
    {
        "validation" => new ValidationFailedException("x", "is required."),
        "not found" => new NotFoundException("Profile", "p"),
        "already exists" => new AlreadyExistsException("EVENT_ID_REUSED", "taken"),
        "etag" => new ConcurrencyConflictException("stale"),
        _ => new PreconditionFailedException("EXPERIMENT_NOT_RUNNING", "not running"),
    };
}
