using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>Start-up without a configured key writes a usable admin key to an owner-only file; reflection can be switched off.</summary>
public sealed class BootstrapAndReflectionTests
{
    [Fact]
    public async Task Start_NoKeyConfiguredOrStored_WritesAdminKeyFileOnceAndNeverLogsIt()
    {
        await using var server = new ServerProcess { BootstrapAdminKey = null };
        await server.StartAsync();
        var path = Path.Combine(server.WorkingDirectory, "bootstrap-admin.key");
        var key = (await File.ReadAllTextAsync(path)).Trim();

        using var channel = server.CreateChannel(key);
        var keys = await new AdminService.AdminServiceClient(channel).ListApiKeysAsync(new ListApiKeysRequest());
        await server.KillAsync();
        await server.StartAsync();
        var afterRestart = (await File.ReadAllTextAsync(path)).Trim();

        Assert.Equal("bootstrap", Assert.Single(keys.ApiKeys).KeyId);
        Assert.StartsWith("icpx_bootstrap_", key, StringComparison.Ordinal);
        Assert.Equal(key, afterRestart);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Contains(path, server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key, server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reflection_SwitchedOffByConfiguration_IsUnimplemented()
    {
        await using var server = new ServerProcess("--IcpExperiments:Reflection:Enabled=false");
        await server.StartAsync();
        using var channel = server.CreateChannel();
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();

        // The refusal may surface on the write or on the read, depending on how fast the server answers.
        var exception = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });

        Assert.Equal(StatusCode.Unimplemented, exception.StatusCode);
    }
}
