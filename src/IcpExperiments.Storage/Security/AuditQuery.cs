using IcpExperiments.Core.Teams;

namespace IcpExperiments.Storage.Security;

/// <summary>Filter of an audit listing: one team or all (null), and a half-open time range [From, To) with open ends.</summary>
public sealed record AuditQuery(TeamId? Team, DateTimeOffset? From, DateTimeOffset? To);
