namespace IcpExperiments.Server.Security;

/// <summary>A valid, unrevoked key presented by a call: who it is (as a caller) and what it may do.</summary>
public sealed record AuthenticatedKey(Caller Caller, IReadOnlyList<string> Roles);
