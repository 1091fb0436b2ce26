extern alias server;

using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SecurityServiceCollectionExtensions = server::IcpExperiments.Server.Composition.SecurityServiceCollectionExtensions;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>
/// The JWT scheme is asked for by name only: were it the default (ASP.NET Core's rule for a single scheme), the
/// authentication middleware would run the JWT handler on every request, API-key calls and open ones included.
/// </summary>
public sealed class JwtSchemeDefaultTests
{
    [Fact]
    public async Task AddIcpExperimentsSecurity_SingleJwtScheme_IsNotTheDefaultAuthenticateScheme()
    {
        // Arrange
        var services = new ServiceCollection().AddLogging();
        SecurityServiceCollectionExtensions.AddIcpExperimentsSecurity(services, new ConfigurationBuilder().Build());
        await using var provider = services.BuildServiceProvider();
        var schemes = provider.GetRequiredService<IAuthenticationSchemeProvider>();

        // Act
        var defaultScheme = await schemes.GetDefaultAuthenticateSchemeAsync();

        // Assert
        Assert.Null(defaultScheme);
        Assert.Single(await schemes.GetAllSchemesAsync());
    }
}
