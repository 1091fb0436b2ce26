extern alias server;

using System.Security.Cryptography;
using JwtOptions = server::IcpExperiments.Server.Security.Jwt.JwtOptions;
using JwtOptionsValidator = server::IcpExperiments.Server.Security.Jwt.JwtOptionsValidator;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>What start-up accepts: disabled needs nothing; enabled needs keys or an authority, an audience, sane claims.</summary>
public sealed class JwtOptionsValidatorTests
{
    [Fact]
    public void Validate_DisabledWithNothingSet_Succeeds() =>
        Assert.True(new JwtOptionsValidator().Validate(null, new JwtOptions()).Succeeded);

    [Fact]
    public void Validate_EnabledWithAuthorityAndAudience_Succeeds() =>
        Assert.True(new JwtOptionsValidator().Validate(null, new JwtOptions { Enabled = true, Authority = "https://login.example.com/tenant/v2.0", Audience = "api://icpx" }).Succeeded);

    [Fact]
    public void Validate_EnabledWithEcPublicKey_Succeeds()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = new JwtOptions { Enabled = true, PublicKeyPem = ec.ExportSubjectPublicKeyInfoPem(), Issuer = "https://sso.example/", Audience = "icpx" };

        Assert.True(new JwtOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_AuthorityAndExplicitKey_FailsNamingBoth()
    {
        var options = new JwtOptions { Enabled = true, Authority = "https://sso.example/", SymmetricKey = Convert.ToBase64String(new byte[32]), Issuer = "i", Audience = "a" };

        var result = new JwtOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("IcpExperiments:Auth:Jwt:Authority", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("IcpExperiments:Auth:Jwt:SymmetricKey", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PlainHttpAuthorityWithHttpsNotRequired_Succeeds() =>
        Assert.True(new JwtOptionsValidator().Validate(null, new JwtOptions { Enabled = true, Authority = "http://127.0.0.1:8080/", RequireHttpsMetadata = false, Audience = "a" }).Succeeded);

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Validate_EmptyTeamClaim_FailsNamingIt(string claim)
    {
        var options = new JwtOptions { Enabled = true, Authority = "https://sso.example/", Audience = "a", TeamClaim = claim };

        var result = new JwtOptionsValidator().Validate(null, options);

        Assert.Contains("IcpExperiments:Auth:Jwt:TeamClaim", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3601)]
    public void Validate_ValidationCacheSecondsOutOfRange_FailsNamingIt(int seconds)
    {
        var options = new JwtOptions { Enabled = true, Authority = "https://sso.example/", Audience = "a", ValidationCacheSeconds = seconds };

        var result = new JwtOptionsValidator().Validate(null, options);

        Assert.Contains("IcpExperiments:Auth:Jwt:ValidationCacheSeconds", result.FailureMessage, StringComparison.Ordinal);
    }
}
