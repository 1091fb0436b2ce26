#pragma warning disable CA1861 // Each hostile request draws from small literal lists; clarity beats saving the allocation here.
using IcpExperiments.Contracts.V1;
using static IcpExperiments.Server.Tests.Reliability.HostileValues;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>
/// Hostile requests for every AdminService RPC, sent with the admin key. The admin RPCs are server-wide (not scoped
/// to a team), so they have no cross-team variant; another team's non-admin key is refused by the policy table,
/// which <c>AuthorizationTests</c> cover.
/// </summary>
public static class HostileAdminRpcs
{
    private const string Service = "/icp_experiments.v1.AdminService/";
    private static readonly string[] MalformedTeams = ["", "UPPER", "-x", "a b", new string('t', 64), InvalidUtf8Marker, "team/../x"];

    public static IEnumerable<HostileRpc> All(HostileWorld world) =>
    [
        HostileRpc.Unary<CreateApiKeyRequest>(Service + "CreateApiKey",
            () => new() { ApiKey = new ApiKey { Team = "hostile", DisplayName = "k", Roles = { Role.Viewer } } },
            [
                (m, r) => m.ApiKey.Team = Pick(r, MalformedTeams),
                (m, _) => m.ApiKey.Roles.Clear(),
                (m, r) => { m.ApiKey.Roles.Clear(); m.ApiKey.Roles.Add(Enum<Role>(r)); },
                (m, r) => m.ApiKey.Roles.Add(Enum<Role>(r)),
                (m, _) => m.ApiKey = null,
            ],
            [
                (m, r) => m.ApiKey.DisplayName = AnyString(r),
                (m, r) => m.ApiKey.Name = AnyString(r),
                (m, r) => m.ApiKey.KeyId = AnyString(r),
                (m, r) => m.ApiKey.RevokeTime = Timestamp(r),
                (m, r) => m.ApiKey.Roles.Add(Pick(r, new[] { Role.Admin, Role.Viewer })),
            ],
            teamScoped: false),
        HostileRpc.Read<ListApiKeysRequest>(Service + "ListApiKeys", () => new(),
            [(m, r) => m.Team = Pick(r, MalformedTeams.Append("default").ToArray()), (m, r) => m.PageSize = AnyInt(r), (m, r) => m.PageToken = AnyString(r)], teamScoped: false),
        HostileRpc.Unary<RevokeApiKeyRequest>(Service + "RevokeApiKey", () => new() { Name = world.ForeignKeyName },
            [
                (m, r) => m.Name = MalformedName(r),
                (m, r) => m.Name = "apiKeys/" + Pick(r, new[] { "", "nope", "no-such-key", InvalidUtf8Marker, new string('k', 5_000) }),
                (m, _) => m.Name = world.ForeignKeyName.ToUpperInvariant(),
            ],
            [],
            teamScoped: false),
        HostileRpc.Read<ListAuditEntriesRequest>(Service + "ListAuditEntries", () => new() { Team = "default", PageSize = 5 },
            [
                (m, r) => m.Team = Pick(r, MalformedTeams),
                (m, r) => m.StartTime = Pick(r, new[] { Timestamp(r), InvalidTimestamp(r) }),
                (m, r) => m.EndTime = Pick(r, new[] { Timestamp(r), InvalidTimestamp(r) }),
                (m, r) => m.PageSize = AnyInt(r),
                (m, r) => m.PageToken = AnyString(r),
            ],
            teamScoped: false),
    ];
}
