using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>The validation cache never admits a token past its exp, though its lifetime (60 s by default) is longer.</summary>
public sealed class JwtValidationCacheEndToEndTests
{
    [Fact]
    public async Task ListProfiles_SameTokenBeforeAndAfterItsExp_ServedThenUnauthenticated()
    {
        // Arrange: no clock skew, so the handler itself refuses the token from its exp on.
        await using var server = new ServerProcess([.. JwtTestTokens.ServerArguments, "--IcpExperiments:Auth:Jwt:ClockSkewSeconds=0"]);
        await server.StartAsync();
        var expiresAt = DateTime.UtcNow.AddSeconds(3);
        var token = JwtTestTokens.Mint(JwtTestTokens.NewSubject(), Requests.NewId("jwt-cache"), ["viewer"], d => d.Expires = expiresAt);
        using var channel = server.CreateChannel(token);
        var profiles = new ProfileService.ProfileServiceClient(channel);

        // Act
        await profiles.ListProfilesAsync(new ListProfilesRequest());   // validated, then remembered
        await profiles.ListProfilesAsync(new ListProfilesRequest());   // remembered
        await Task.Delay(expiresAt - DateTime.UtcNow + TimeSpan.FromSeconds(1.5));
        var afterExp = await Assert.ThrowsAsync<RpcException>(() => profiles.ListProfilesAsync(new ListProfilesRequest()).ResponseAsync);

        // Assert
        Assert.Equal(StatusCode.Unauthenticated, afterExp.StatusCode);
    }
}
