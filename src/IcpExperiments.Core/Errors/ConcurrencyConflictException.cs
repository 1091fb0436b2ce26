namespace IcpExperiments.Core.Errors;

/// <summary>The caller's etag is stale (someone else changed the resource first); maps to ABORTED: re-read and retry.</summary>
public sealed class ConcurrencyConflictException(string message) : DomainException("ETAG_MISMATCH", message);
