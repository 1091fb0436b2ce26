extern alias server;

using Xunit;
using AdminMapping = server::IcpExperiments.Server.Mapping.AdminMapping;
using RequestValidation = server::IcpExperiments.Server.Validation.RequestValidation;

namespace IcpExperiments.Server.Tests.Unit;

public sealed class AdminMappingTests
{
    [Theory]
    [InlineData("nightly\0import")]
    [InlineData("line\rbreak")]
    public void DisplayName_WithControlCharacter_IsAFieldViolation(string displayName)
    {
        var validation = new RequestValidation();

        var mapped = AdminMapping.DisplayName(displayName, "api_key.display_name", validation);

        Assert.Null(mapped);
        Assert.False(validation.IsValid);
    }

    [Fact]
    public void DisplayName_PlainTextWithTab_IsAccepted()
    {
        var validation = new RequestValidation();

        var mapped = AdminMapping.DisplayName("CRM\tsync", "api_key.display_name", validation);

        Assert.Equal("CRM\tsync", mapped);
        Assert.True(validation.IsValid);
    }
}
