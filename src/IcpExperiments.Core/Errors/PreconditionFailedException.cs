namespace IcpExperiments.Core.Errors;

/// <summary>The request is well-formed but the system is not in a state that allows it; maps to FAILED_PRECONDITION.</summary>
public sealed class PreconditionFailedException(string reason, string message) : DomainException(reason, message);
