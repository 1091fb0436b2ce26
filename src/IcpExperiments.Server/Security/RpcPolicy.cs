namespace IcpExperiments.Server.Security;

/// <summary>
/// Who may call one RPC. Open methods need no key. Otherwise the caller's key must hold one of <see cref="Roles"/>
/// (admin always may); <see cref="IsWrite"/> methods are audited.
/// </summary>
public sealed record RpcPolicy(bool IsOpen, IReadOnlySet<string> Roles, bool IsWrite)
{
    /// <summary>Whether a key holding <paramref name="held"/> may make the call.</summary>
    public bool Allows(IReadOnlyCollection<string> held)
    {
        ArgumentNullException.ThrowIfNull(held);
        return IsOpen || held.Contains(Security.Roles.Admin) || held.Any(Roles.Contains);
    }
}
