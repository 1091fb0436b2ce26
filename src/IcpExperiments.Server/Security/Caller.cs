using IcpExperiments.Core.Teams;

namespace IcpExperiments.Server.Security;

/// <summary>Who is calling: the team whose resources the call may see, and the actor id (the API key id) recorded in audit entries.</summary>
public sealed record Caller(TeamId Team, string ActorId);
