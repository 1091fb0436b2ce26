using IcpExperiments.Core.Accounts;
using IcpExperiments.Core.Analysis.Segments;

namespace IcpExperiments.Core.Tests.Analysis.Segments;

public sealed class SegmentBandsTests
{
    [Theory]
    [InlineData(1L, "1-49")]
    [InlineData(49L, "1-49")]
    [InlineData(50L, "50-199")]
    [InlineData(999L, "200-999")]
    [InlineData(1000L, "1000-4999")]
    [InlineData(5000L, "5000+")]
    public void ValueOf_EmployeeCount_FallsIntoItsBand(long employees, string expected)
    {
        // Arrange
        var attributes = Samples.Attributes() with { EmployeeCount = employees };

        // Act
        var value = SegmentBands.ValueOf(attributes, WellKnownAttributes.EmployeeCount);

        // Assert
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(999_999.0, "<1M")]
    [InlineData(1_000_000.0, "1M-10M")]
    [InlineData(12_000_000.0, "10M-100M")]
    [InlineData(2e9, "1B+")]
    public void ValueOf_AnnualRevenue_FallsIntoItsBand(double revenue, string expected)
    {
        // Arrange
        var attributes = Samples.Attributes() with { AnnualRevenue = revenue };

        // Act
        var value = SegmentBands.ValueOf(attributes, WellKnownAttributes.AnnualRevenue);

        // Assert
        Assert.Equal(expected, value);
    }

    [Fact]
    public void ValueOf_TextAndMissing_NormalisedTextOrNull()
    {
        // Arrange
        var attributes = Samples.Attributes() with { Industry = "  SaaS ", Region = null };

        // Act
        var industry = SegmentBands.ValueOf(attributes, WellKnownAttributes.Industry);
        var region = SegmentBands.ValueOf(attributes, WellKnownAttributes.Region);

        // Assert
        Assert.Equal("saas", industry);
        Assert.Null(region);
    }

    [Fact]
    public void ValueOf_TechStack_Throws()
    {
        // Arrange
        var attributes = Samples.Attributes();

        // Act
        var act = () => SegmentBands.ValueOf(attributes, WellKnownAttributes.TechStack);

        // Assert
        Assert.Throws<ArgumentException>(act);
        Assert.False(SegmentBands.IsSupported(WellKnownAttributes.TechStack));
    }
}
