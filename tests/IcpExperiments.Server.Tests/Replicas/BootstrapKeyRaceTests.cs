extern alias server;

using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Teams;
using IcpExperiments.Server.Tests.Unit;
using IcpExperiments.Storage;
using IcpExperiments.Storage.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ApiKeyAuthenticator = server::IcpExperiments.Server.Security.ApiKeyAuthenticator;
using ApiKeySecrets = server::IcpExperiments.Server.Security.ApiKeySecrets;
using AuthOptions = server::IcpExperiments.Server.Security.AuthOptions;
using BootstrapAdminKey = server::IcpExperiments.Server.Security.BootstrapAdminKey;

namespace IcpExperiments.Server.Tests.Replicas;

/// <summary>Replicas configured with the same bootstrap key store it at start-up; the one that comes second must still start.</summary>
public sealed class BootstrapKeyRaceTests
{
    private const string Key = "icpx_bootstrap_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

    [Fact]
    public async Task EnsureAsync_AnotherReplicaStoresTheKeyBetweenLookupAndCreate_StartsWithTheOneStoredKey()
    {
        // Arrange
        var store = new RacedApiKeyStore();
        using var services = new ServiceCollection().AddSingleton<IApiKeyStore>(store).BuildServiceProvider();
        var auth = Options.Create(new AuthOptions { BootstrapAdminKey = Key });
        var sut = new BootstrapAdminKey(
            store, new ApiKeyAuthenticator(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, auth), auth,
            Options.Create(new StorageOptions()), TimeProvider.System, NullLogger<BootstrapAdminKey>.Instance);

        // Act
        await sut.EnsureAsync(CancellationToken.None);

        // Assert
        var stored = Assert.Single((await store.ListAsync(null, new Core.Paging.PageRequest(10, null), CancellationToken.None)).Items);
        Assert.Equal(ApiKeySecrets.Hash(Key), stored.SecretHash);
        Assert.Equal("other replica", stored.CreatedBy);
    }

    /// <summary>A store where the other replica's create lands just before ours, which then fails as the database's would.</summary>
    private sealed class RacedApiKeyStore : IApiKeyStore
    {
        private readonly InMemoryApiKeyStore keys = new();

        public Task<ApiKeyRecord?> FindByHashAsync(byte[] secretHash, CancellationToken cancellationToken) => keys.FindByHashAsync(secretHash, cancellationToken);

        public Task<ApiKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken) => keys.FindAsync(keyId, cancellationToken);

        public Task<bool> AnyAsync(CancellationToken cancellationToken) => keys.AnyAsync(cancellationToken);

        public async Task<ApiKeyRecord> CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken)
        {
            await keys.CreateAsync(key with { CreatedBy = "other replica" }, cancellationToken);
            throw new AlreadyExistsException("API_KEY_ALREADY_EXISTS", $"API key '{key.KeyId}' already exists.");
        }

        public Task ReplaceSecretHashAsync(string keyId, byte[] secretHash, CancellationToken cancellationToken) => keys.ReplaceSecretHashAsync(keyId, secretHash, cancellationToken);

        public Task<ApiKeyRecord> RevokeAsync(string keyId, DateTimeOffset now, CancellationToken cancellationToken) => keys.RevokeAsync(keyId, now, cancellationToken);

        public Task<Core.Paging.Page<ApiKeyRecord>> ListAsync(TeamId? team, Core.Paging.PageRequest page, CancellationToken cancellationToken) => keys.ListAsync(team, page, cancellationToken);
    }
}
