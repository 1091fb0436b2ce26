using IcpExperiments.Core.Teams;

namespace IcpExperiments.Storage.Security;

/// <summary>
/// One audited call: the team and key (actor) that made it, the full gRPC method, the resource it named, its final
/// status code name (e.g. <c>OK</c>, <c>NOT_FOUND</c>), a short detail (e.g. batch counts of a stream) and when it ended.
/// <see cref="Id"/> is assigned when stored (0 before).
/// </summary>
public sealed record AuditRecord(
    long Id,
    TeamId Team,
    string ActorId,
    string Method,
    string ResourceName,
    string StatusCode,
    string Detail,
    DateTimeOffset OccurredAt);
