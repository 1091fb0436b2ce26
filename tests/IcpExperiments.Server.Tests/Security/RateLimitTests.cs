using Google.Rpc;
using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>A key over its rate gets RESOURCE_EXHAUSTED with a retry delay (never UNAVAILABLE); other keys are unaffected.</summary>
public sealed class RateLimitTests
{
    // Sent at once, so the bucket (burst 3, one token a second) runs dry however slow the machine is.
    private const int ConcurrentCalls = 12;

    [Fact]
    public async Task ListProfiles_BeyondBurst_IsResourceExhaustedWithRetryInfo()
    {
        await using var server = await StartLimitedServerAsync();
        using var channel = server.CreateChannel();

        var refusals = await RefusalsOfConcurrentCallsAsync(new ProfileService.ProfileServiceClient(channel));

        Assert.InRange(refusals.Count, 1, ConcurrentCalls - 3);
        var status = RpcAssert.AssertStatus(refusals[0], StatusCode.ResourceExhausted);
        Assert.Equal("RATE_LIMITED", RpcAssert.Reason(status));
        var retry = status.GetDetail<RetryInfo>();
        Assert.NotNull(retry);
        Assert.InRange(retry.RetryDelay.ToTimeSpan(), TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task ListProfiles_OtherKeyExhausted_StillServed()
    {
        await using var server = await StartLimitedServerAsync();
        using var viewer = await KeyedClients.CreateAsync(server, "default", Role.Viewer);
        using var admin = server.CreateChannel();
        Assert.NotEmpty(await RefusalsOfConcurrentCallsAsync(new ProfileService.ProfileServiceClient(admin)));

        var reply = await viewer.Profiles.ListProfilesAsync(new ListProfilesRequest());

        Assert.Empty(reply.Profiles);
    }

    private static async Task<ServerProcess> StartLimitedServerAsync()
    {
        var server = new ServerProcess("--IcpExperiments:RateLimit:PermitsPerSecond=1", "--IcpExperiments:RateLimit:Burst=3");
        await server.StartAsync();
        return server;
    }

    /// <summary>The failures of <see cref="ConcurrentCalls"/> simultaneous calls; any failure but RESOURCE_EXHAUSTED fails the test.</summary>
    private static async Task<List<RpcException>> RefusalsOfConcurrentCallsAsync(ProfileService.ProfileServiceClient profiles)
    {
        var calls = Enumerable.Range(0, ConcurrentCalls).Select(async _ =>
        {
            try
            {
                await profiles.ListProfilesAsync(new ListProfilesRequest());
                return null;
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.ResourceExhausted)
            {
                return exception;
            }
        });
        return (await Task.WhenAll(calls)).OfType<RpcException>().ToList();
    }
}
