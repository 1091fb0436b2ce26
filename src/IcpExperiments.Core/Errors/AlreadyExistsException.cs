namespace IcpExperiments.Core.Errors;

/// <summary>A resource or client event id is already taken with different content; maps to ALREADY_EXISTS.</summary>
public sealed class AlreadyExistsException(string reason, string message) : DomainException(reason, message);
