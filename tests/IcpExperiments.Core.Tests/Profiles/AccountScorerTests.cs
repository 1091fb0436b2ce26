using IcpExperiments.Core.Accounts;
using IcpExperiments.Core.Profiles;
using static IcpExperiments.Core.Tests.Samples;

namespace IcpExperiments.Core.Tests.Profiles;

public sealed class AccountScorerTests
{
    // Sample account: SaaS, 250 employees, North America, 12M revenue, Series B, Salesforce + HubSpot,
    // extra uses_salesforce=true, nps=42.5, segment=Mid-Market.
    public static TheoryData<string, Criterion, bool> CriteriaAgainstSampleAccount => new()
    {
        { "industry IN, other case and spaces", In("industry", " saas ", "fintech"), true },
        { "industry IN, absent", In("industry", "fintech"), false },
        { "industry NOT IN, absent", NotIn("industry", "fintech"), true },
        { "industry NOT IN, present", NotIn("industry", "SAAS"), false },
        { "region IN", In("region", "north america"), true },
        { "funding stage IN", In("funding_stage", "series b", "series c"), true },
        { "tech stack IN, any overlap", In("tech_stack", "hubspot", "marketo"), true },
        { "tech stack IN, no overlap", In("tech_stack", "marketo"), false },
        { "tech stack NOT IN, no overlap", NotIn("tech_stack", "marketo"), true },
        { "tech stack NOT IN, overlap", NotIn("tech_stack", "salesforce", "marketo"), false },
        { "employee count inside", Range("employee_count", 50, 500), true },
        { "employee count on inclusive min", Range("employee_count", 250, 500), true },
        { "employee count on exclusive min", Range("employee_count", 250, 500, minInclusive: false), false },
        { "employee count on exclusive max", Range("employee_count", 50, 250, maxInclusive: false), false },
        { "employee count above", Range("employee_count", null, 200), false },
        { "revenue open upper end", Range("annual_revenue", 5e6, null), true },
        { "revenue below", Range("annual_revenue", 2e7, null), false },
        { "extra numeric", Range("nps", 40, 50), true },
        { "extra numeric outside", Range("nps", 43, null), false },
        { "extra boolean", Flag("uses_salesforce", true), true },
        { "extra boolean mismatch", Flag("uses_salesforce", false), false },
        { "extra categorical", In("segment", "mid-market"), true },
        { "extra not numeric", Range("segment", 0, 10), false },
        { "extra not boolean", Flag("nps", true), false },
        { "missing attribute IN", In("country", "us"), false },
        { "missing attribute NOT IN", NotIn("country", "us"), false },
        { "missing attribute range", Range("arr_growth", 0, null), false },
        { "missing attribute boolean", Flag("uses_hubspot", false), false },
    };

    [Theory]
    [MemberData(nameof(CriteriaAgainstSampleAccount))]
    public void Score_Criterion_MatchesAsExpected(string scenario, Criterion criterion, bool expected)
    {
        var score = AccountScorer.Score(Content(criterion), Account());

        Assert.True(expected == score.Matched.Contains(criterion), scenario);
        Assert.Equal(!expected, score.Unmatched.Contains(criterion));
    }

    [Fact]
    public void Score_EmptyAccount_MatchesNothingNotEvenNotIn()
    {
        var criteria = new Criterion[] { NotIn("industry", "gaming"), NotIn("tech_stack", "sap"), Range("employee_count", 0, null), Flag("uses_salesforce", false) };

        var score = AccountScorer.Score(Content(criteria), new Account("acc-2", AccountAttributes.Empty));

        Assert.Empty(score.Matched);
        Assert.Equal(criteria, score.Unmatched);
        Assert.False(score.MatchesAll);
    }

    [Fact]
    public void Score_AllCriteriaMatch_MatchesAllAndKeepsOrder()
    {
        var criteria = new Criterion[] { In("industry", "saas"), Range("employee_count", 50, 500), Flag("uses_salesforce", true) };

        var score = AccountScorer.Score(Content(criteria), Account());

        Assert.Equal("acc-1", score.AccountId);
        Assert.Equal(criteria, score.Matched);
        Assert.True(score.MatchesAll);
    }

    [Fact]
    public void Score_ExtraKeyInOtherCase_IsFound()
    {
        var attributes = Attributes() with { Extra = new Dictionary<string, string> { ["Uses_Salesforce"] = " TRUE " } };

        var score = AccountScorer.Score(Content(Flag("uses_salesforce", true)), Account(attributes));

        Assert.True(score.MatchesAll);
    }

    [Fact]
    public void Score_InvariantNumberFormat_IsParsed()
    {
        var attributes = Attributes() with { Extra = new Dictionary<string, string> { ["nps"] = "1.5e1" } };

        var score = AccountScorer.Score(Content(Range("nps", 15, 15)), Account(attributes));

        Assert.True(score.MatchesAll);
    }

    [Theory]
    [InlineData(600, "US", FitTierLevel.Best)]
    [InlineData(300, "Canada", FitTierLevel.Good)]
    [InlineData(600, "Canada", FitTierLevel.Good)]
    [InlineData(20, "Germany", FitTierLevel.Bad)]
    [InlineData(300, "Germany", null)]
    public void Score_FitTiers_PicksBestMatchingTier(long employees, string region, FitTierLevel? expected)
    {
        var tiers = new[]
        {
            new FitTier(FitTierLevel.Bad, [Range("employee_count", null, 50, maxInclusive: false)]),
            new FitTier(FitTierLevel.Best, [In("region", "us"), Range("employee_count", 500, null, minInclusive: false)]),
            new FitTier(FitTierLevel.Good, [In("region", "us", "canada"), Range("employee_count", 200, null, minInclusive: false)]),
        };
        var content = new ProfileContent([In("industry", "saas")], ProfileText.Empty, tiers);
        var attributes = Attributes() with { EmployeeCount = employees, Region = region };

        var score = AccountScorer.Score(content, Account(attributes));

        Assert.Equal(expected, score.FitTier);
    }

    [Fact]
    public void Score_NoFitTiersDefined_FitTierIsNull()
    {
        var score = AccountScorer.Score(Content(In("industry", "saas")), Account());

        Assert.Null(score.FitTier);
    }

    [Fact]
    public void Score_TierOnMissingAttribute_DoesNotMatch()
    {
        var content = new ProfileContent([], ProfileText.Empty, [new FitTier(FitTierLevel.Best, [NotIn("country", "us")])]);

        var score = AccountScorer.Score(content, Account());

        Assert.Null(score.FitTier);
    }
}
