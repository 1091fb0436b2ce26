namespace IcpExperiments.Core.Errors;

/// <summary>
/// Base of every error the domain reports on purpose. The server maps each subtype to one gRPC status code;
/// <see cref="Reason"/> becomes the google.rpc.ErrorInfo reason (UPPER_SNAKE, stable, for clients to branch on).
/// </summary>
public abstract class DomainException : Exception
{
    protected DomainException(string reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Machine-readable reason in UPPER_SNAKE, e.g. <c>EXPERIMENT_NOT_RUNNING</c>.</summary>
    public string Reason { get; }
}
