using IcpExperiments.Core.Teams;

namespace IcpExperiments.Server.Security;

/// <summary>Who is calling: the team whose resources the call may see, and the actor id recorded in audit entries.</summary>
public sealed record Caller(TeamId Team, string ActorId)
{
    /// <summary>The caller of a server without authentication: the default team, an anonymous actor.</summary>
    public static Caller Anonymous { get; } = new(TeamId.Default, "anonymous");
}
