using Grpc.Net.Client;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>One server process started with <see cref="JwtTestTokens.ServerArguments"/> (the bootstrap admin API key works as everywhere).</summary>
public sealed class JwtServerFixture : IAsyncLifetime
{
    public ServerProcess Server { get; } = new(JwtTestTokens.ServerArguments);

    /// <summary>A channel with the bootstrap admin API key.</summary>
    public GrpcChannel AdminChannel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.StartAsync();
        AdminChannel = Server.CreateChannel();
    }

    /// <summary>A gRPC channel (h2c) whose calls carry <paramref name="token"/> as <c>authorization: Bearer</c>.</summary>
    public GrpcChannel ChannelWith(string token) => Server.CreateChannel(token);

    /// <summary>The audit entries of <paramref name="team"/>, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditEntriesAsync(string team) =>
        (await new AdminService.AdminServiceClient(AdminChannel).ListAuditEntriesAsync(new ListAuditEntriesRequest { Team = team, PageSize = 1000 })).AuditEntries;

    public async Task DisposeAsync()
    {
        AdminChannel?.Dispose();
        await Server.DisposeAsync();
    }
}
