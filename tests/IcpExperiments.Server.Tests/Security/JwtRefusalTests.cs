using System.Security.Cryptography;
using Google.Rpc;
using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>
/// Tokens wrong in any one respect are UNAUTHENTICATED, as a bad API key is, and audited like one: by a hash prefix of
/// the token, never the token (in the trail or the log); an admitted token's writes are audited under <c>jwt:{sub}</c>.
/// </summary>
[Collection(JwtServer.Name)]
public sealed class JwtRefusalTests(JwtServerFixture fixture)
{
    private const string UnknownTeam = "unauthenticated";
    private const string BadSignature = "JWT signature missing, tampered or by an unknown key";

    public static TheoryData<string, string> SpoiledTokens() => new()
    {
        { Spoil(d => { d.NotBefore = DateTime.UtcNow.AddHours(-2); d.IssuedAt = d.NotBefore; d.Expires = DateTime.UtcNow.AddHours(-1); }), "expired JWT" },
        { Spoil(d => d.Audience = "some-other-service"), "JWT for another audience" },
        { Spoil(d => d.Issuer = "https://evil.example/"), "JWT from another issuer" },
        { Spoil(d => d.SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), SecurityAlgorithms.HmacSha256)), BadSignature },
        { Spoil(d => d.SigningCredentials = null), BadSignature },
        { Tampered(), BadSignature },
        { "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2lnbmF0dXJl", "malformed JWT" },
    };

    [Theory]
    [MemberData(nameof(SpoiledTokens))]
    public async Task ListProfiles_SpoiledToken_IsUnauthenticatedAndAuditedWithoutTheToken(string token, string reason)
    {
        using var channel = fixture.ChannelWith(token);

        var status = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => new ProfileService.ProfileServiceClient(channel).ListProfilesAsync(new ListProfilesRequest()));

        Assert.Equal("UNAUTHENTICATED", RpcAssert.Reason(status));
        var entry = Assert.Single(await fixture.AuditEntriesAsync(UnknownTeam), e => e.Actor == JwtTestTokens.RefusedActorOf(token));
        Assert.Equal(reason, entry.Detail);
        Assert.Equal(Code.Unauthenticated, entry.StatusCode);
        Assert.DoesNotContain(token.Split('.')[1], entry.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[1], fixture.Server.Output, StringComparison.Ordinal); // Nor in the server's log.
    }

    [Fact]
    public async Task ListProfiles_UnsignedToken_NeverAdmitted()
    {
        var unsigned = Spoil(d => d.SigningCredentials = null);

        using var channel = fixture.ChannelWith(unsigned);

        Assert.EndsWith(".", unsigned, StringComparison.Ordinal); // alg "none": no signature segment at all.
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => new ProfileService.ProfileServiceClient(channel).ListProfilesAsync(new ListProfilesRequest()));
    }

    [Fact]
    public async Task CreateProfile_ExperimenterToken_AuditedUnderTheSubject()
    {
        var team = Requests.NewId("jwt-audit");
        var subject = JwtTestTokens.NewSubject();
        using var channel = fixture.ChannelWith(JwtTestTokens.Mint(subject, team, ["profile_owner"]));
        var profileId = Requests.NewId("prf");

        await new ProfileService.ProfileServiceClient(channel).CreateProfileAsync(new CreateProfileRequest { ProfileId = profileId, Profile = new Profile { DisplayName = "SSO" } });

        var entry = Assert.Single(await fixture.AuditEntriesAsync(team));
        Assert.Equal($"jwt:{subject}", entry.Actor);
        Assert.Equal("/icp_experiments.v1.ProfileService/CreateProfile", entry.Method);
        Assert.Equal($"profiles/{profileId}", entry.Resource);
        Assert.Equal(Code.Ok, entry.StatusCode);
    }

    [Fact]
    public async Task CreateProfile_ViewerToken_RefusalAuditedUnderTheSubject()
    {
        var team = Requests.NewId("jwt-audit");
        var subject = JwtTestTokens.NewSubject();
        using var channel = fixture.ChannelWith(JwtTestTokens.Mint(subject, team, ["viewer"]));

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => new ProfileService.ProfileServiceClient(channel)
            .CreateProfileAsync(new CreateProfileRequest { ProfileId = Requests.NewId("prf"), Profile = new Profile { DisplayName = "SSO" } }));

        var entry = Assert.Single(await fixture.AuditEntriesAsync(team));
        Assert.Equal($"jwt:{subject}", entry.Actor);
        Assert.Equal(Code.PermissionDenied, entry.StatusCode);
    }

    private static string Spoil(Action<SecurityTokenDescriptor> spoil) => JwtTestTokens.Mint(JwtTestTokens.NewSubject(), "jwt-spoiled", ["admin"], spoil);

    /// <summary>A genuine token whose payload was swapped for one naming another team (the signature no longer matches).</summary>
    private static string Tampered()
    {
        var parts = JwtTestTokens.Viewer("jwt-victim").Split('.');
        var forged = JwtTestTokens.Viewer("jwt-attacker").Split('.')[1];
        return $"{parts[0]}.{forged}.{parts[2]}";
    }
}
