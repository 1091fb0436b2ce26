using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using IcpExperiments.Core.Errors;

namespace IcpExperiments.Server.Errors;

/// <summary>
/// Builds the rich gRPC errors of the API: a google.rpc.Status whose details carry an ErrorInfo (domain
/// <see cref="Domain"/>, UPPER_SNAKE reason) and, for invalid requests, a BadRequest with one field violation per
/// problem. Clients read them back with <c>RpcException.GetRpcStatus()</c>.
/// </summary>
public static class RpcErrors
{
    /// <summary>The ErrorInfo domain of every error this server reports.</summary>
    public const string Domain = "icp-experiments";

    /// <summary>Maps a domain error to its status code and details.</summary>
    public static RpcException From(DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var code = CodeOf(exception);
        var status = new Google.Rpc.Status { Code = (int)code, Message = exception.Message };
        var errorInfo = new ErrorInfo { Domain = Domain, Reason = exception.Reason };
        if (exception is NotFoundException notFound)
        {
            errorInfo.Metadata.Add("resource_type", notFound.ResourceType);
            errorInfo.Metadata.Add("resource_name", notFound.ResourceName);
        }

        status.Details.Add(Any.Pack(errorInfo));
        if (exception is ValidationFailedException invalid)
            status.Details.Add(Any.Pack(ToBadRequest(invalid.Violations)));
        return status.ToRpcException();
    }

    /// <summary>A status without domain details (cancellation, internal errors): code and a safe message only.</summary>
    public static RpcException Plain(StatusCode code, string reason, string message)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.Add(Any.Pack(new ErrorInfo { Domain = Domain, Reason = reason }));
        return status.ToRpcException();
    }

    /// <summary>
    /// RESOURCE_EXHAUSTED (reason RATE_LIMITED) with a RetryInfo saying when to try again; never UNAVAILABLE, which
    /// clients retry at once.
    /// </summary>
    public static RpcException RateLimited(string message, TimeSpan retryAfter)
    {
        var status = new Google.Rpc.Status { Code = (int)StatusCode.ResourceExhausted, Message = message };
        status.Details.Add(Any.Pack(new ErrorInfo { Domain = Domain, Reason = "RATE_LIMITED" }));
        status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }));
        return status.ToRpcException();
    }

    internal static StatusCode CodeOf(DomainException exception) => exception switch
    {
        ValidationFailedException => StatusCode.InvalidArgument,
        NotFoundException => StatusCode.NotFound,
        AlreadyExistsException => StatusCode.AlreadyExists,
        ConcurrencyConflictException => StatusCode.Aborted,
        PreconditionFailedException => StatusCode.FailedPrecondition,
        _ => StatusCode.FailedPrecondition,
    };

    private static BadRequest ToBadRequest(IReadOnlyList<Core.Errors.FieldViolation> violations)
    {
        var badRequest = new BadRequest();
        foreach (var violation in violations)
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = violation.Field, Description = violation.Description });
        return badRequest;
    }
}
