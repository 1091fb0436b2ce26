using Google.Rpc;
using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>JWTs are off by default: a well-formed, correctly signed token is then just an unknown API key.</summary>
[Collection(SharedServer.Name)]
public sealed class JwtDisabledTests(ServerFixture fixture)
{
    [Fact]
    public async Task ListProfiles_ValidTokenWhileJwtDisabled_IsUnauthenticatedAsAnUnknownKey()
    {
        var token = JwtTestTokens.Mint(JwtTestTokens.NewSubject(), "default", ["admin"]);
        using var channel = fixture.Server.CreateChannel(token);

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => new ProfileService.ProfileServiceClient(channel).ListProfilesAsync(new ListProfilesRequest()));

        var actor = JwtTestTokens.RefusedActorOf(token);
        var entries = (await new AdminService.AdminServiceClient(fixture.Channel).ListAuditEntriesAsync(new ListAuditEntriesRequest { Team = "unauthenticated", PageSize = 1000 })).AuditEntries;
        var entry = Assert.Single(entries, e => e.Actor == actor);
        Assert.Equal("unknown API key", entry.Detail);
        Assert.Equal(Code.Unauthenticated, entry.StatusCode);
    }
}
