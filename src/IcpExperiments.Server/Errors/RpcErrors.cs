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

    // Messages echo client input (ids, names); uncapped, a huge id made trailers larger than clients accept
    // (64 KB by default), so the caller got no status at all. These caps keep every error well under that.
    private const int MaxMessageChars = 1_000;
    private const int MaxDetailChars = 300;
    private const int MaxViolations = 50;

    /// <summary>Maps a domain error to its status code and details.</summary>
    public static RpcException From(DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var code = CodeOf(exception);
        var status = new Google.Rpc.Status { Code = (int)code, Message = Cap(exception.Message, MaxMessageChars) };
        var errorInfo = new ErrorInfo { Domain = Domain, Reason = exception.Reason };
        if (exception is NotFoundException notFound)
        {
            errorInfo.Metadata.Add("resource_type", notFound.ResourceType);
            errorInfo.Metadata.Add("resource_name", Cap(notFound.ResourceName, MaxDetailChars));
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
        foreach (var violation in violations.Take(MaxViolations))
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = Cap(violation.Field, MaxDetailChars), Description = Cap(violation.Description, MaxDetailChars) });
        if (violations.Count > MaxViolations)
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Description = $"... and {violations.Count - MaxViolations} more violations." });
        return badRequest;
    }

    /// <summary>Shortens <paramref name="text"/> to at most <paramref name="max"/> characters, marking the cut.</summary>
    internal static string Cap(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
