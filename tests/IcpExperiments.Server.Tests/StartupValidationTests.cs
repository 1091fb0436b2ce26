using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests;

/// <summary>Options are validated at start-up: a bad setting stops the server (exit code 2, no stack trace) with a message naming it, before it listens.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("--IcpExperiments:Demo:Accounts=5", "Accounts")]
    [InlineData("--IcpExperiments:Storage:Synchronous=sometimes", "IcpExperiments:Storage:Synchronous")]
    [InlineData("--IcpExperiments:Storage:Provider=oracle", "IcpExperiments:Storage:Provider")]
    [InlineData("--IcpExperiments:Cors:AllowedOrigins=*", "IcpExperiments:Cors:AllowedOrigins")]
    [InlineData("--IcpExperiments:Cors:AllowedOrigins=https://dash.example.com/app", "IcpExperiments:Cors:AllowedOrigins")]
    [InlineData("--IcpExperiments:Web:Urls=http://127.0.0.1:0", "IcpExperiments:Web:Urls")]
    [InlineData("--IcpExperiments:Web:Urls=not a url", "IcpExperiments:Web:Urls")]
    public async Task Start_InvalidSetting_ExitsNamingTheSetting(string setting, string named)
    {
        await using var server = new ServerProcess(setting);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(server.StartAsync);

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
        Assert.Contains("exited with code 2 ", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", failure.Message, StringComparison.Ordinal);
    }
}
