using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>
/// With <c>Authority</c>, the issuer and signing keys come from the provider's discovery document: tokens it signs are
/// accepted, a key it rolls to is fetched again, and a provider that cannot be reached makes calls UNAVAILABLE.
/// </summary>
public sealed class JwtDiscoveryTests
{
    private static readonly TimeSpan RefreshWait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ListProfiles_ProviderRollsItsKey_NewKeyAcceptedAfterRefetch()
    {
        using var provider = new TestOidcProvider();
        await using var server = await StartAsync(provider.Issuer);
        var team = Requests.NewId("jwt-oidc");
        using (var before = server.CreateChannel(Token(provider, team)))
            await new ProfileService.ProfileServiceClient(before).ListProfilesAsync(new ListProfilesRequest());

        provider.Rotate();
        using var after = server.CreateChannel(Token(provider, team));
        var admitted = await AdmittedWithinAsync(new ProfileService.ProfileServiceClient(after), RefreshWait);

        Assert.True(admitted, "A token signed with the provider's new key was still refused after the refresh wait.");
        Assert.True(provider.KeyFetches >= 2);
    }

    [Fact]
    public async Task ListProfiles_ProviderUnreachable_IsUnavailable()
    {
        var unreachable = $"http://127.0.0.1:{ServerProcess.FreePort()}/";
        await using var server = await StartAsync(unreachable);
        using var channel = server.CreateChannel(JwtTestTokens.Mint(JwtTestTokens.NewSubject(), "jwt-oidc", ["viewer"], d => d.Issuer = unreachable));

        var status = await RpcAssert.FailsAsync(StatusCode.Unavailable, () => new ProfileService.ProfileServiceClient(channel).ListProfilesAsync(new ListProfilesRequest()));

        Assert.Equal("JWT_KEYS_UNAVAILABLE", RpcAssert.Reason(status));
    }

    private static async Task<ServerProcess> StartAsync(string authority)
    {
        var server = new ServerProcess(
            "--IcpExperiments:Auth:Jwt:Enabled=true",
            $"--IcpExperiments:Auth:Jwt:Authority={authority}",
            "--IcpExperiments:Auth:Jwt:RequireHttpsMetadata=false",
            $"--IcpExperiments:Auth:Jwt:Audience={JwtTestTokens.Audience}");
        await server.StartAsync();
        return server;
    }

    private static string Token(TestOidcProvider provider, string team) =>
        JwtTestTokens.Mint(JwtTestTokens.NewSubject(), team, ["viewer"], d =>
        {
            d.Issuer = provider.Issuer;
            d.SigningCredentials = provider.Credentials;
        });

    /// <summary>
    /// Whether a call is admitted before <paramref name="wait"/> ends. The JwtBearer handler refuses the first token with
    /// an unknown key id and asks for fresh keys then; calls after the refetch succeed.
    /// </summary>
    private static async Task<bool> AdmittedWithinAsync(ProfileService.ProfileServiceClient client, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                await client.ListProfilesAsync(new ListProfilesRequest());
                return true;
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Unauthenticated && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Unauthenticated)
            {
                return false;
            }
        }
    }
}
