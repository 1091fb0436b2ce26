using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests;

/// <summary>Options are validated at start-up: a bad setting stops the server with a message naming it, before it listens.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("--IcpExperiments:Demo:Accounts=5", "Accounts")]
    [InlineData("--IcpExperiments:Storage:Synchronous=sometimes", "IcpExperiments:Storage:Synchronous")]
    [InlineData("--IcpExperiments:Storage:Provider=oracle", "IcpExperiments:Storage:Provider")]
    public async Task Start_InvalidSetting_ExitsNamingTheSetting(string setting, string named)
    {
        await using var server = new ServerProcess(setting);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(server.StartAsync);

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }
}
