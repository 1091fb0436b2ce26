using IcpExperiments.Core.Profiles;
using static IcpExperiments.Core.Tests.Samples;

namespace IcpExperiments.Core.Tests.Profiles;

public sealed class ProfileContentValidatorTests
{
    public static TheoryData<string, Criterion, string> InvalidCriteria => new()
    {
        { "attribute empty", In("", "saas"), "version.criteria[0].attribute" },
        { "attribute upper case", In("Industry", "saas"), "version.criteria[0].attribute" },
        { "attribute with dash", In("funding-stage", "seed"), "version.criteria[0].attribute" },
        { "attribute trailing underscore", In("segment_", "smb"), "version.criteria[0].attribute" },
        { "attribute double underscore", In("seg__ment", "smb"), "version.criteria[0].attribute" },
        { "attribute starting with digit", In("1segment", "smb"), "version.criteria[0].attribute" },
        { "attribute 65 characters", In(new string('a', 65), "x"), "version.criteria[0].attribute" },
        { "range on a text attribute", Range("industry", 1, 2), "version.criteria[0]" },
        { "boolean on a text list", Flag("tech_stack", true), "version.criteria[0]" },
        { "categorical on a number", In("employee_count", "50"), "version.criteria[0]" },
        { "undefined operator", new CategoricalCriterion("industry", (CategoricalOperator)7, ["saas"]), "version.criteria[0].operator" },
        { "no values", In("industry"), "version.criteria[0].values" },
        { "too many values", In("industry", Enumerable.Range(0, 201).Select(i => $"v{i}").ToArray()), "version.criteria[0].values" },
        { "empty value", In("industry", "saas", ""), "version.criteria[0].values[1]" },
        { "blank value", In("industry", "  "), "version.criteria[0].values[0]" },
        { "untrimmed value", In("industry", "saas "), "version.criteria[0].values[0]" },
        { "value too long", In("industry", new string('x', 201)), "version.criteria[0].values[0]" },
        { "control character in value", In("industry", "sa\u0001as"), "version.criteria[0].values[0]" },
        { "duplicate value ignoring case", In("industry", "saas", "fintech", "SaaS"), "version.criteria[0].values[2]" },
        { "no bound", Range("employee_count", null, null), "version.criteria[0]" },
        { "NaN min", Range("employee_count", double.NaN, 10), "version.criteria[0].min" },
        { "infinite max", Range("employee_count", 10, double.PositiveInfinity), "version.criteria[0].max" },
        { "negative infinite min", Range("annual_revenue", double.NegativeInfinity, null), "version.criteria[0].min" },
        { "min above max", Range("employee_count", 500, 50), "version.criteria[0].max" },
        { "equal bounds, exclusive max", Range("employee_count", 50, 50, maxInclusive: false), "version.criteria[0].max" },
        { "equal bounds, exclusive min", Range("employee_count", 50, 50, minInclusive: false), "version.criteria[0].max" },
    };

    public static TheoryData<string, Criterion> ValidCriteria => new()
    {
        { "IN", In("industry", "saas", "fintech") },
        { "NOT IN", NotIn("region", "apac") },
        { "tech stack", In("tech_stack", "salesforce") },
        { "closed range", Range("employee_count", 50, 500) },
        { "open upper end", Range("annual_revenue", 5e6, null) },
        { "open lower end, exclusive", Range("employee_count", null, 10, maxInclusive: false) },
        { "single point", Range("employee_count", 50, 50) },
        { "boolean extra", Flag("uses_salesforce", true) },
        { "extra categorical", In("segment_2", "smb") },
        { "extra range", Range("nps", -100, 100) },
        { "200 values", In("industry", Enumerable.Range(0, 200).Select(i => $"v{i}").ToArray()) },
    };

    [Theory]
    [MemberData(nameof(InvalidCriteria))]
    public void Validate_InvalidCriterion_ReportsOneViolationAtPath(string scenario, Criterion criterion, string field)
    {
        var violations = ProfileContentValidator.Validate(Content(criterion), "version");

        var violation = Assert.Single(violations);
        Assert.True(field == violation.Field, $"{scenario}: expected {field}, got {violation.Field} ({violation.Description})");
    }

    [Theory]
    [MemberData(nameof(ValidCriteria))]
    public void Validate_ValidCriterion_HasNoViolation(string scenario, Criterion criterion)
    {
        var violations = ProfileContentValidator.Validate(Content(criterion), "version");

        Assert.True(violations.Count == 0, $"{scenario}: {string.Join("; ", violations)}");
    }

    [Fact]
    public void Validate_TwoCriteriaOnOneAttribute_ReportsTheSecond()
    {
        var violations = ProfileContentValidator.Validate(Content(In("industry", "saas"), Range("employee_count", 1, 5), NotIn("industry", "gaming")), "version");

        var violation = Assert.Single(violations);
        Assert.Equal("version.criteria[2].attribute", violation.Field);
        Assert.Contains("version.criteria[0]", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_101Criteria_IsTooMany()
    {
        var criteria = Enumerable.Range(0, 101).Select(i => (Criterion)Flag($"flag_{i}", true)).ToArray();

        var violation = Assert.Single(ProfileContentValidator.Validate(Content(criteria), "version"));

        Assert.Equal("version.criteria", violation.Field);
    }

    [Fact]
    public void Validate_NullCriterion_IsReported()
    {
        var violation = Assert.Single(ProfileContentValidator.Validate(Content([null!]), "version"));

        Assert.Equal("version.criteria[0]", violation.Field);
    }

    [Theory]
    [InlineData(0, "version.text.psychographics")]
    [InlineData(1, "version.text.goals")]
    [InlineData(2, "version.text.pain_points")]
    [InlineData(3, "version.text.buying_process")]
    public void Validate_TextSectionTooLong_ReportsTheSection(int section, string field)
    {
        var sections = new string[4];
        Array.Fill(sections, "fine\nmultiline");
        sections[section] = new string('x', 10_001);
        var content = Content(In("industry", "saas")) with { Text = new ProfileText(sections[0], sections[1], sections[2], sections[3]) };

        var violation = Assert.Single(ProfileContentValidator.Validate(content, "version"));

        Assert.Equal(field, violation.Field);
    }

    [Fact]
    public void Validate_ValidFitTiers_HasNoViolation()
    {
        var content = Content(In("industry", "saas")) with
        {
            FitTiers = [new FitTier(FitTierLevel.Best, [In("region", "us"), Range("employee_count", 500, null)]), new FitTier(FitTierLevel.Good, [In("region", "us", "canada")])],
        };

        Assert.Empty(ProfileContentValidator.Validate(content, "version"));
    }

    [Fact]
    public void Validate_FitTierLevelTwice_ReportsTheSecond()
    {
        var content = Content() with { FitTiers = [new FitTier(FitTierLevel.Good, [In("region", "us")]), new FitTier(FitTierLevel.Good, [In("region", "ca")])] };

        var violation = Assert.Single(ProfileContentValidator.Validate(content, "version"));

        Assert.Equal("version.fit_tiers[1].level", violation.Field);
    }

    [Fact]
    public void Validate_UndefinedFitTierLevel_IsReported()
    {
        var content = Content() with { FitTiers = [new FitTier((FitTierLevel)0, [In("region", "us")])] };

        var violation = Assert.Single(ProfileContentValidator.Validate(content, "version"));

        Assert.Equal("version.fit_tiers[0].level", violation.Field);
    }

    [Fact]
    public void Validate_EmptyFitTier_IsReported()
    {
        var content = Content() with { FitTiers = [new FitTier(FitTierLevel.Best, [])] };

        var violation = Assert.Single(ProfileContentValidator.Validate(content, "version"));

        Assert.Equal("version.fit_tiers[0].criteria", violation.Field);
    }

    [Fact]
    public void Validate_InvalidCriterionInFitTier_ReportsNestedPath()
    {
        var content = Content() with { FitTiers = [new FitTier(FitTierLevel.Best, [In("region", "us")]), new FitTier(FitTierLevel.Bad, [Range("employee_count", 10, 5)])] };

        var violation = Assert.Single(ProfileContentValidator.Validate(content, "version"));

        Assert.Equal("version.fit_tiers[1].criteria[0].max", violation.Field);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEach()
    {
        var content = Content(In("industry"), Range("employee_count", null, null), In("industry", "saas"));

        var fields = ProfileContentValidator.Validate(content, "first_version").Select(v => v.Field);

        Assert.Equal(["first_version.criteria[0].values", "first_version.criteria[1]", "first_version.criteria[2].attribute"], fields);
    }
}
