extern alias server;

using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ApiKeyAuthenticator = server::IcpExperiments.Server.Security.ApiKeyAuthenticator;
using ApiKeySecrets = server::IcpExperiments.Server.Security.ApiKeySecrets;
using AuthOptions = server::IcpExperiments.Server.Security.AuthOptions;

namespace IcpExperiments.Server.Tests.Unit;

public sealed class ApiKeyAuthenticatorTests : IDisposable
{
    private const string Key = "icpx_k1_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";
    private readonly InMemoryApiKeyStore store = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider services;

    public ApiKeyAuthenticatorTests()
    {
        services = new ServiceCollection().AddSingleton<IApiKeyStore>(store).BuildServiceProvider();
        store.CreateAsync(new ApiKeyRecord("k1", new TeamId("team-a"), "test", ["viewer"], ApiKeySecrets.Hash(Key), "bootstrap", time.GetUtcNow(), null), default);
    }

    [Fact]
    public async Task AuthenticateAsync_KnownKeyTwice_CallerAndRolesFromOneLookup()
    {
        var sut = CreateSut(cacheSeconds: 10);

        var first = await sut.AuthenticateAsync(Key, default);
        var second = await sut.AuthenticateAsync(Key, default);

        Assert.Equal(new TeamId("team-a"), first!.Caller.Team);
        Assert.Equal("k1", first.Caller.ActorId);
        Assert.Equal(["viewer"], first.Roles);
        Assert.Equal(first, second);
        Assert.Equal(1, store.HashLookups);
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKey_IsNull()
    {
        var sut = CreateSut(cacheSeconds: 10);

        var result = await sut.AuthenticateAsync(Key + "x", default);

        Assert.Null(result);
    }

    [Fact]
    public async Task AuthenticateAsync_RevokedElsewhere_RefusedOnceTheCacheTimeHasPassed()
    {
        var sut = CreateSut(cacheSeconds: 10);
        await sut.AuthenticateAsync(Key, default);
        await store.RevokeAsync("k1", time.GetUtcNow(), default); // Another replica, which cannot tell this one.

        var cachedAnswer = await sut.AuthenticateAsync(Key, default);
        time.Advance(TimeSpan.FromSeconds(10));
        var afterCacheTime = await sut.AuthenticateAsync(Key, default);

        Assert.NotNull(cachedAnswer);
        Assert.Null(afterCacheTime);
    }

    [Fact]
    public async Task Forget_AfterRevocationHere_RefusedAtOnce()
    {
        var sut = CreateSut(cacheSeconds: 300);
        await sut.AuthenticateAsync(Key, default);
        await store.RevokeAsync("k1", time.GetUtcNow(), default);

        sut.Forget("k1");
        var result = await sut.AuthenticateAsync(Key, default);

        Assert.Null(result);
    }

    [Fact]
    public async Task AuthenticateAsync_CacheOff_LooksUpEveryCall()
    {
        var sut = CreateSut(cacheSeconds: 0);

        await sut.AuthenticateAsync(Key, default);
        await sut.AuthenticateAsync(Key, default);

        Assert.Equal(2, store.HashLookups);
    }

    public void Dispose() => services.Dispose();

    private ApiKeyAuthenticator CreateSut(int cacheSeconds) =>
        new(services.GetRequiredService<IServiceScopeFactory>(), time, Options.Create(new AuthOptions { KeyCacheSeconds = cacheSeconds }));
}
