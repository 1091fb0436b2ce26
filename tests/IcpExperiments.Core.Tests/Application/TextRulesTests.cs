using IcpExperiments.Core.Application;

namespace IcpExperiments.Core.Tests.Application;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("Q3 test", true)]
    [InlineData("", false)]
    [InlineData("line one\nline two\twith tab", false)]
    public void Validate_AcceptableText_HasNoViolation(string value, bool required)
    {
        Assert.Empty(TextRules.Validate(value, "f", required, 200));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public void Validate_RequiredButBlank_IsRequired(string value)
    {
        var violation = Assert.Single(TextRules.Validate(value, "experiment.display_name", required: true, 200));

        Assert.Equal("experiment.display_name", violation.Field);
        Assert.Equal("is required.", violation.Description);
    }

    [Fact]
    public void Validate_LongerThanMax_ReportsLength()
    {
        var violation = Assert.Single(TextRules.Validate(new string('x', 11), "f", required: false, 10));

        Assert.Equal("must be at most 10 characters (got 11).", violation.Description);
    }

    [Fact]
    public void Validate_ExactlyMax_IsAccepted()
    {
        Assert.Empty(TextRules.Validate(new string('x', 10), "f", required: false, 10));
    }

    [Theory]
    [InlineData("bell\a")]
    [InlineData("nul\0")]
    [InlineData("carriage\rreturn")]
    [InlineData("escape\u001b[0m")]
    [InlineData("c1\u0085")]
    public void Validate_ControlCharacter_IsRejected(string value)
    {
        var violation = Assert.Single(TextRules.Validate(value, "f", required: false, 200));

        Assert.Contains("control characters", violation.Description, StringComparison.Ordinal);
    }
}
