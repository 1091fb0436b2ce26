using Google.Rpc;
using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>A key over its rate gets RESOURCE_EXHAUSTED with a retry delay (never UNAVAILABLE); other keys are unaffected.</summary>
public sealed class RateLimitTests
{
    private static async Task<ServerProcess> StartLimitedServerAsync()
    {
        var server = new ServerProcess("--IcpExperiments:RateLimit:PermitsPerSecond=1", "--IcpExperiments:RateLimit:Burst=3");
        await server.StartAsync();
        return server;
    }

    [Fact]
    public async Task ListProfiles_BeyondBurst_IsResourceExhaustedWithRetryInfo()
    {
        await using var server = await StartLimitedServerAsync();
        using var channel = server.CreateChannel();
        var profiles = new ProfileService.ProfileServiceClient(channel);
        for (var i = 0; i < 3; i++) await profiles.ListProfilesAsync(new ListProfilesRequest());

        var status = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, () => profiles.ListProfilesAsync(new ListProfilesRequest()));

        Assert.Equal("RATE_LIMITED", RpcAssert.Reason(status));
        var retry = status.GetDetail<RetryInfo>();
        Assert.NotNull(retry);
        Assert.InRange(retry.RetryDelay.ToTimeSpan(), TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task ListProfiles_OtherKeyExhausted_StillServed()
    {
        await using var server = await StartLimitedServerAsync();
        using var admin = server.CreateChannel();
        var adminProfiles = new ProfileService.ProfileServiceClient(admin);
        using var viewer = await KeyedClients.CreateAsync(server, "default", Role.Viewer); // Takes one of the admin's tokens.
        for (var i = 0; i < 2; i++) await adminProfiles.ListProfilesAsync(new ListProfilesRequest());
        await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, () => adminProfiles.ListProfilesAsync(new ListProfilesRequest()));

        var reply = await viewer.Profiles.ListProfilesAsync(new ListProfilesRequest());

        Assert.Empty(reply.Profiles);
    }
}
