using IcpExperiments.Core.Application;

namespace IcpExperiments.Core.Tests.Application;

public sealed class ResourceIdsTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("exp-2026-q3")]
    [InlineData("saas-icp")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789-abcdefghijklmnopqrstuvwxyz")]
    public void Validate_ValidId_HasNoViolation(string id)
    {
        var violations = ResourceIds.Validate(id, "experiment_id");

        Assert.Empty(violations);
    }

    [Theory]
    [InlineData("", "is required.")]
    [InlineData("1abc", "must start with a lower-case letter.")]
    [InlineData("-abc", "must start with a lower-case letter.")]
    [InlineData("Abc", "must start with a lower-case letter.")]
    [InlineData("abc-", "must not end with '-'.")]
    [InlineData("ab_c", "may contain only lower-case letters, digits and '-'.")]
    [InlineData("abC", "may contain only lower-case letters, digits and '-'.")]
    [InlineData("ab c", "may contain only lower-case letters, digits and '-'.")]
    [InlineData("abé", "may contain only lower-case letters, digits and '-'.")]
    public void Validate_InvalidId_ReportsOneViolationOnTheField(string id, string description)
    {
        var violations = ResourceIds.Validate(id, "experiment_id").ToList();

        var violation = Assert.Single(violations);
        Assert.Equal("experiment_id", violation.Field);
        Assert.Equal(description, violation.Description);
    }

    [Fact]
    public void Validate_64Characters_IsTooLong()
    {
        var violation = Assert.Single(ResourceIds.Validate(new string('a', 64), "id"));

        Assert.Contains("at most 63", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void New_WithPrefix_IsValidAndStartsWithPrefix()
    {
        var id = ResourceIds.New("exp");

        Assert.StartsWith("exp-", id, StringComparison.Ordinal);
        Assert.True(ResourceIds.IsValid(id));
    }

    [Fact]
    public void New_ManyCalls_NeverCollide()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => ResourceIds.New("cmp")).ToHashSet();

        Assert.Equal(10_000, ids.Count);
    }

    [Theory]
    [InlineData("Exp")]
    [InlineData("")]
    [InlineData("a-very-long-prefix-that-leaves-no-room-for-the-random-part-x")]
    public void New_InvalidPrefix_Throws(string prefix)
    {
        Assert.Throws<ArgumentException>(() => ResourceIds.New(prefix));
    }
}
