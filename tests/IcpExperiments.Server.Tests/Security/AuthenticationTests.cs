using Grpc.Core;
using Grpc.Health.V1;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>Who gets in: no key, an unknown key and a revoked key are UNAUTHENTICATED; health stays open.</summary>
[Collection(SharedServer.Name)]
public sealed class AuthenticationTests(ServerFixture fixture)
{
    [Fact]
    public async Task ListProfiles_WithoutKey_IsUnauthenticated()
    {
        using var channel = fixture.Server.CreateChannel(apiKey: null);
        var profiles = new ProfileService.ProfileServiceClient(channel);

        var status = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => profiles.ListProfilesAsync(new ListProfilesRequest()));

        Assert.Equal("UNAUTHENTICATED", RpcAssert.Reason(status));
    }

    [Fact]
    public async Task ListProfiles_WithUnknownKey_IsUnauthenticated()
    {
        using var channel = fixture.Server.CreateChannel("icpx_nosuchkey000_" + new string('x', 43));
        var profiles = new ProfileService.ProfileServiceClient(channel);

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => profiles.ListProfilesAsync(new ListProfilesRequest()));
    }

    [Fact]
    public async Task ImportOutcomes_WithoutKey_IsUnauthenticatedBeforeAnyBatch()
    {
        using var channel = fixture.Server.CreateChannel(apiKey: null);
        var outcomes = new OutcomeService.OutcomeServiceClient(channel);

        using var call = outcomes.ImportOutcomes();
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Unauthenticated, exception.StatusCode);
    }

    [Fact]
    public async Task HealthCheck_WithoutKey_IsServing()
    {
        using var channel = fixture.Server.CreateChannel(apiKey: null);

        var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task RevokeApiKey_KeyInUse_RefusedFromTheNextCall()
    {
        using var viewer = await KeyedClients.CreateAsync(fixture.Server, "default", Role.Viewer);
        await viewer.Profiles.ListProfilesAsync(new ListProfilesRequest()); // Known and cached.
        var admin = new AdminService.AdminServiceClient(fixture.Channel);

        var revoked = await admin.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = viewer.Key.Name });

        Assert.NotNull(revoked.ApiKey.RevokeTime);
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => viewer.Profiles.ListProfilesAsync(new ListProfilesRequest()));
    }

    [Fact]
    public async Task CreateApiKey_NewKey_ShowsItsIdAndListsWithoutSecret()
    {
        using var viewer = await KeyedClients.CreateAsync(fixture.Server, "listing-team", Role.Viewer, Role.ProfileOwner);
        var admin = new AdminService.AdminServiceClient(fixture.Channel);

        var listed = await admin.ListApiKeysAsync(new ListApiKeysRequest { Team = "listing-team" });

        Assert.StartsWith($"icpx_{viewer.Key.KeyId}_", viewer.Secret, StringComparison.Ordinal);
        Assert.True(viewer.Secret.Length >= 60);
        var key = Assert.Single(listed.ApiKeys, k => k.KeyId == viewer.Key.KeyId);
        Assert.Equal([Role.Viewer, Role.ProfileOwner], key.Roles);
        Assert.Equal("bootstrap", key.Creator);
        Assert.DoesNotContain(viewer.Secret[^20..], listed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateApiKey_UnspecifiedRoleAndBadTeam_IsInvalidArgument()
    {
        var admin = new AdminService.AdminServiceClient(fixture.Channel);
        var request = new CreateApiKeyRequest { ApiKey = new ApiKey { Team = "Not A Team", Roles = { Role.Unspecified } } };

        await RpcAssert.InvalidFieldAsync("api_key.team", () => admin.CreateApiKeyAsync(request));
        await RpcAssert.InvalidFieldAsync("api_key.roles[0]", () => admin.CreateApiKeyAsync(request));
    }
}
