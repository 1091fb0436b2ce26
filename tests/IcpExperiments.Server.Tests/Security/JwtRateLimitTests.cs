using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>The per-caller rate limit counts JWT callers by subject: one subject's exhausted bucket leaves another's alone.</summary>
public sealed class JwtRateLimitTests
{
    // Sent at once, so the bucket (burst 3, one token a second) runs dry however slow the machine is.
    private const int ConcurrentCalls = 12;

    [Fact]
    public async Task ListProfiles_OneSubjectExhausted_OtherSubjectOfTheTeamStillServed()
    {
        await using var server = new ServerProcess([.. JwtTestTokens.ServerArguments, "--IcpExperiments:RateLimit:PermitsPerSecond=1", "--IcpExperiments:RateLimit:Burst=3"]);
        await server.StartAsync();
        var team = Requests.NewId("jwt-limit");
        using var busy = server.CreateChannel(JwtTestTokens.Viewer(team));
        using var other = server.CreateChannel(JwtTestTokens.Viewer(team));

        var codes = await Task.WhenAll(Enumerable.Range(0, ConcurrentCalls).Select(_ => CodeOfAsync(new ProfileService.ProfileServiceClient(busy))));
        var otherCode = await CodeOfAsync(new ProfileService.ProfileServiceClient(other));

        Assert.Contains(StatusCode.ResourceExhausted, codes);
        Assert.All(codes, c => Assert.True(c is StatusCode.OK or StatusCode.ResourceExhausted, $"unexpected {c}"));
        Assert.Equal(StatusCode.OK, otherCode);
    }

    private static async Task<StatusCode> CodeOfAsync(ProfileService.ProfileServiceClient profiles)
    {
        try
        {
            await profiles.ListProfilesAsync(new ListProfilesRequest());
            return StatusCode.OK;
        }
        catch (RpcException exception)
        {
            return exception.StatusCode;
        }
    }
}
