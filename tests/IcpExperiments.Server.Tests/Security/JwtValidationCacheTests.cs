extern alias server;

using Grpc.Core;
using IcpExperiments.Core.Teams;
using Microsoft.Extensions.Time.Testing;
using AuthenticatedKey = server::IcpExperiments.Server.Security.AuthenticatedKey;
using Caller = server::IcpExperiments.Server.Security.Caller;
using JwtAuthentication = server::IcpExperiments.Server.Security.Jwt.JwtAuthentication;
using JwtValidationCache = server::IcpExperiments.Server.Security.Jwt.JwtValidationCache;
using Roles = server::IcpExperiments.Server.Security.Roles;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>Admitted tokens are remembered until the earlier of their exp and the cache's lifetime; nothing else is remembered.</summary>
public sealed class JwtValidationCacheTests
{
    private static readonly JwtAuthentication Admitted = JwtAuthentication.Admit(new AuthenticatedKey(new Caller(new TeamId("growth"), "jwt:ana"), [Roles.Viewer]));
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Find_WithinLifetimeAndBeforeExp_ReturnsTheAdmission()
    {
        var cache = new JwtValidationCache(time, TimeSpan.FromSeconds(60));
        cache.Remember("token-a", Admitted, time.GetUtcNow().AddMinutes(10));

        time.Advance(TimeSpan.FromSeconds(59));

        Assert.Same(Admitted, cache.Find("token-a"));
        Assert.Null(cache.Find("token-b"));
    }

    [Fact]
    public void Find_AfterTheLifetime_ReturnsNothing()
    {
        var cache = new JwtValidationCache(time, TimeSpan.FromSeconds(60));
        cache.Remember("token-a", Admitted, time.GetUtcNow().AddMinutes(10));

        time.Advance(TimeSpan.FromSeconds(60));

        Assert.Null(cache.Find("token-a"));
    }

    [Fact]
    public void Find_AfterTheTokensExpBeforeTheLifetime_ReturnsNothing()
    {
        var cache = new JwtValidationCache(time, TimeSpan.FromSeconds(60));
        cache.Remember("token-a", Admitted, time.GetUtcNow().AddSeconds(5));

        time.Advance(TimeSpan.FromSeconds(4));
        var before = cache.Find("token-a");
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Same(Admitted, before);
        Assert.Null(cache.Find("token-a"));
    }

    [Fact]
    public void Remember_TokenAlreadyPastItsExp_IsNotRemembered()
    {
        // The handler admits a token up to ClockSkewSeconds after exp; the cache never extends that.
        var cache = new JwtValidationCache(time, TimeSpan.FromSeconds(60));

        cache.Remember("token-a", Admitted, time.GetUtcNow().AddSeconds(-1));

        Assert.Null(cache.Find("token-a"));
    }

    [Fact]
    public void Remember_Refusal_IsNotRemembered()
    {
        var cache = new JwtValidationCache(time, TimeSpan.FromSeconds(60));

        cache.Remember("token-a", JwtAuthentication.Refuse(StatusCode.PermissionDenied, "no team claim"), time.GetUtcNow().AddMinutes(10));

        Assert.Null(cache.Find("token-a"));
    }

    [Fact]
    public void Remember_LifetimeZero_NothingIsRemembered()
    {
        var cache = new JwtValidationCache(time, TimeSpan.Zero);

        cache.Remember("token-a", Admitted, time.GetUtcNow().AddMinutes(10));

        Assert.Null(cache.Find("token-a"));
    }

    [Fact]
    public void Remember_BeyondTheBound_StartsOverInsteadOfGrowing()
    {
        var cache = new JwtValidationCache(time, TimeSpan.FromSeconds(60));
        for (int i = 0; i < JwtValidationCache.MaxEntries; i++) cache.Remember($"token-{i}", Admitted, null);

        cache.Remember("one-more", Admitted, null);

        Assert.Same(Admitted, cache.Find("one-more"));
        Assert.Null(cache.Find("token-0"));
    }
}
