using System.Security.Cryptography;
using System.Text;
using Google.Rpc;
using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>
/// Refused calls reach the audit trail: the key id and team of a revoked key or one lacking a role, a hash prefix of
/// an unknown key (never the key), and no more than the configured number per minute however many arrive.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class FailedAuthenticationAuditTests(ServerFixture fixture)
{
    private const string UnknownTeam = "unauthenticated";

    [Fact]
    public async Task UnknownKey_Refused_AuditedByHashPrefixNeverTheKey()
    {
        var key = "icpx_nosuchkey000_" + Guid.NewGuid().ToString("N");
        using var channel = fixture.Server.CreateChannel(key);

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => new ProfileService.ProfileServiceClient(channel).ListProfilesAsync(new ListProfilesRequest()));

        var entry = Assert.Single(await EntriesAsync(fixture.Channel, UnknownTeam), e => e.Actor == ActorOf(key));
        Assert.Equal("/icp_experiments.v1.ProfileService/ListProfiles", entry.Method);
        Assert.Equal(Code.Unauthenticated, entry.StatusCode);
        Assert.Equal("unknown API key", entry.Detail);
        Assert.DoesNotContain(key["icpx_nosuchkey000_".Length..], entry.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedKey_Refused_AuditedWithItsKeyIdAndTeam()
    {
        var team = Requests.NewId("revoked");
        using var viewer = await KeyedClients.CreateAsync(fixture.Server, team, Role.Viewer);
        await new AdminService.AdminServiceClient(fixture.Channel).RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = viewer.Key.Name });

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => viewer.Profiles.ListProfilesAsync(new ListProfilesRequest()));

        var entry = Assert.Single(await EntriesAsync(fixture.Channel, team));
        Assert.Equal(viewer.Key.KeyId, entry.Actor);
        Assert.Equal(Code.Unauthenticated, entry.StatusCode);
        Assert.Equal("revoked API key", entry.Detail);
    }

    [Fact]
    public async Task KeyWithoutTheRole_Refused_AuditedAsPermissionDenied()
    {
        var team = Requests.NewId("viewers");
        using var viewer = await KeyedClients.CreateAsync(fixture.Server, team, Role.Viewer);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            () => viewer.Profiles.CreateProfileAsync(new CreateProfileRequest { ProfileId = Requests.NewId("p"), Profile = new Profile { DisplayName = "P" } }));

        var entry = Assert.Single(await EntriesAsync(fixture.Channel, team));
        Assert.Equal(viewer.Key.KeyId, entry.Actor);
        Assert.Equal("/icp_experiments.v1.ProfileService/CreateProfile", entry.Method);
        Assert.Equal(Code.PermissionDenied, entry.StatusCode);
    }

    [Fact]
    public async Task FloodOfBadKeys_BeyondTheRateLimit_OnlyTheLimitIsWritten()
    {
        await using var server = new ServerProcess("--IcpExperiments:Auth:FailedAuthenticationAuditsPerMinute=5");
        await server.StartAsync();
        using var admin = server.CreateChannel();
        var floods = Enumerable.Range(0, 40).Select(async i =>
        {
            using var channel = server.CreateChannel($"icpx_flood{i:D7}_{Guid.NewGuid():N}");
            await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => new ProfileService.ProfileServiceClient(channel).ListProfilesAsync(new ListProfilesRequest()));
        });

        await Task.WhenAll(floods);

        Assert.Equal(5, (await EntriesAsync(admin, UnknownTeam)).Count);
    }

    /// <summary>What the server records for an unknown key: "sha256:" and 12 hex digits of the key's SHA-256.</summary>
    private static string ActorOf(string key) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];

    private static async Task<IReadOnlyList<AuditEntry>> EntriesAsync(Grpc.Net.Client.GrpcChannel adminChannel, string team) =>
        (await new AdminService.AdminServiceClient(adminChannel).ListAuditEntriesAsync(new ListAuditEntriesRequest { Team = team, PageSize = 1000 })).AuditEntries;
}
