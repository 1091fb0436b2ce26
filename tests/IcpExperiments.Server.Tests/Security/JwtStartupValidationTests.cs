using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>JWT settings are checked at start-up: a bad one stops the server with a message naming it.</summary>
public sealed class JwtStartupValidationTests
{
    private const string Jwt = "--IcpExperiments:Auth:Jwt:";
    private const string GoodKey = "SymmetricKey=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    [Theory]
    [InlineData("SymmetricKey=c2hvcnQ=", "IcpExperiments:Auth:Jwt:SymmetricKey")]
    [InlineData("PublicKeyPem=not-a-pem", "IcpExperiments:Auth:Jwt:PublicKeyPem")]
    [InlineData("Authority=http://sso.example", "IcpExperiments:Auth:Jwt:Authority")]
    [InlineData($"{GoodKey} Audience=", "IcpExperiments:Auth:Jwt:Audience")]
    [InlineData($"{GoodKey} Issuer=", "IcpExperiments:Auth:Jwt:Issuer")]
    [InlineData($"{GoodKey} RoleMap:readers=reader", "IcpExperiments:Auth:Jwt:RoleMap:readers")]
    [InlineData($"{GoodKey} ClockSkewSeconds=3600", "IcpExperiments:Auth:Jwt:ClockSkewSeconds")]
    public async Task Start_InvalidJwtSetting_ExitsNamingTheSetting(string settings, string named)
    {
        string[] arguments = [$"{Jwt}Enabled=true", $"{Jwt}Audience=icpx", $"{Jwt}Issuer=https://sso.example/", .. settings.Split(' ').Select(s => Jwt + s)];
        await using var server = new ServerProcess(arguments);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(server.StartAsync);

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }
}
