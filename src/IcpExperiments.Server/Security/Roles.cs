namespace IcpExperiments.Server.Security;

/// <summary>The role names a key can hold, as stored with the key (the API spells them as the Role enum).</summary>
public static class Roles
{
    /// <summary>Operator: key administration and the audit trail of every team; every method for its own team.</summary>
    public const string Admin = "admin";

    /// <summary>Experiments, campaigns, enrolments and outcomes of its team.</summary>
    public const string Experimenter = "experimenter";

    /// <summary>Reads everything of its team.</summary>
    public const string Viewer = "viewer";

    /// <summary>Creates and revises profiles, applies recommendations to them.</summary>
    public const string ProfileOwner = "profile_owner";

    public static IReadOnlyList<string> All { get; } = [Admin, Experimenter, Viewer, ProfileOwner];
}
