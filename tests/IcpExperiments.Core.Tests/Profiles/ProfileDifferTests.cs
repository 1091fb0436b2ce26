using IcpExperiments.Core.Profiles;
using static IcpExperiments.Core.Tests.Samples;

namespace IcpExperiments.Core.Tests.Profiles;

public sealed class ProfileDifferTests
{
    public static TheoryData<string, Criterion, Criterion, ChangeDirection> ChangedCriteria => new()
    {
        // Categorical IN: superset widens, subset narrows, a swap is mixed.
        { "IN superset", In("industry", "saas"), In("industry", "saas", "fintech"), ChangeDirection.Widening },
        { "IN subset", In("industry", "saas", "fintech"), In("industry", "saas"), ChangeDirection.Narrowing },
        { "IN swap", In("industry", "saas"), In("industry", "fintech"), ChangeDirection.Mixed },
        { "IN partial overlap", In("industry", "saas", "edtech"), In("industry", "saas", "fintech"), ChangeDirection.Mixed },

        // NOT IN is the inverse: excluding more narrows.
        { "NOT IN superset", NotIn("region", "apac"), NotIn("region", "apac", "emea"), ChangeDirection.Narrowing },
        { "NOT IN subset", NotIn("region", "apac", "emea"), NotIn("region", "apac"), ChangeDirection.Widening },
        { "NOT IN swap", NotIn("region", "apac"), NotIn("region", "emea"), ChangeDirection.Mixed },

        // IN <-> NOT IN: provable only for a single-valued attribute with disjoint sets.
        { "IN to disjoint NOT IN", In("region", "na"), NotIn("region", "apac"), ChangeDirection.Widening },
        { "NOT IN to disjoint IN", NotIn("region", "apac"), In("region", "na"), ChangeDirection.Narrowing },
        { "IN to overlapping NOT IN", In("region", "na", "apac"), NotIn("region", "apac"), ChangeDirection.Mixed },
        { "IN to NOT IN on a list attribute", In("tech_stack", "salesforce"), NotIn("tech_stack", "hubspot"), ChangeDirection.Mixed },
        { "NOT IN to IN on a list attribute", NotIn("tech_stack", "hubspot"), In("tech_stack", "salesforce"), ChangeDirection.Mixed },

        // Ranges: containment, open ends, exclusive bounds.
        { "range extended up", Range("employee_count", 50, 500), Range("employee_count", 50, 1000), ChangeDirection.Widening },
        { "range shrunk", Range("employee_count", 50, 500), Range("employee_count", 100, 500), ChangeDirection.Narrowing },
        { "range shifted", Range("employee_count", 50, 500), Range("employee_count", 100, 1000), ChangeDirection.Mixed },
        { "range disjoint", Range("employee_count", 50, 100), Range("employee_count", 200, 300), ChangeDirection.Mixed },
        { "upper end opened", Range("employee_count", 50, 500), Range("employee_count", 50, null), ChangeDirection.Widening },
        { "lower end opened", Range("employee_count", 50, 500), Range("employee_count", null, 500), ChangeDirection.Widening },
        { "open end closed", Range("annual_revenue", 5e6, null), Range("annual_revenue", 5e6, 5e7), ChangeDirection.Narrowing },
        { "open lower end to open upper end", Range("annual_revenue", null, 5e6), Range("annual_revenue", 1e6, null), ChangeDirection.Mixed },
        { "min made exclusive", Range("employee_count", 50, 500), Range("employee_count", 50, 500, minInclusive: false), ChangeDirection.Narrowing },
        { "max made inclusive", Range("employee_count", 50, 500, maxInclusive: false), Range("employee_count", 50, 500), ChangeDirection.Widening },
        { "exclusive end moved out", Range("employee_count", 50, 500, maxInclusive: false), Range("employee_count", 50, 600, maxInclusive: false), ChangeDirection.Widening },
        { "both ends flip inclusivity", Range("employee_count", 50, 500, minInclusive: false), Range("employee_count", 50, 500, maxInclusive: false), ChangeDirection.Mixed },

        // Boolean flip and type changes cannot be ordered.
        { "boolean flipped", Flag("uses_salesforce", true), Flag("uses_salesforce", false), ChangeDirection.Mixed },
        { "categorical to range", In("nps", "high"), Range("nps", 50, null), ChangeDirection.Mixed },
        { "boolean to categorical", Flag("segment", true), In("segment", "true"), ChangeDirection.Mixed },
    };

    public static TheoryData<string, Criterion, Criterion> EquivalentCriteria => new()
    {
        { "same IN set in another order and case", In("industry", "SaaS", "Fintech"), In("industry", "fintech", "saas") },
        { "same NOT IN set", NotIn("region", "apac", "emea"), NotIn("region", "EMEA", "APAC") },
        { "same range", Range("employee_count", 50, 500, maxInclusive: false), Range("employee_count", 50, 500, maxInclusive: false) },
        { "same open range", Range("annual_revenue", 5e6, null), Range("annual_revenue", 5e6, null) },
        { "same boolean", Flag("uses_salesforce", true), Flag("uses_salesforce", true) },
    };

    [Theory]
    [MemberData(nameof(ChangedCriteria))]
    public void Diff_ChangedCriterion_ClassesDirection(string scenario, Criterion before, Criterion after, ChangeDirection expected)
    {
        var diff = ProfileDiffer.Diff(Version(1, before), Version(2, after));

        var change = Assert.Single(diff.Changes);
        Assert.True(expected == change.Direction, $"{scenario}: expected {expected}, got {change.Direction}");
        Assert.Equal(ChangeKind.Changed, change.Kind);
        Assert.Same(before, change.Before);
        Assert.Same(after, change.After);
    }

    [Theory]
    [MemberData(nameof(EquivalentCriteria))]
    public void Diff_EquivalentCriterion_IsNoChange(string scenario, Criterion before, Criterion after)
    {
        var diff = ProfileDiffer.Diff(Version(1, before), Version(2, after));

        Assert.True(diff.Changes.Count == 0, scenario);
        Assert.Null(diff.OverallDirection);
    }

    [Fact]
    public void Diff_AddedCriterion_IsNarrowing()
    {
        var added = Range("employee_count", 50, 500);

        var diff = ProfileDiffer.Diff(Version(1, In("industry", "saas")), Version(2, In("industry", "saas"), added));

        var change = Assert.Single(diff.Changes);
        Assert.Equal(new CriterionChange("employee_count", ChangeKind.Added, null, added, ChangeDirection.Narrowing), change);
    }

    [Fact]
    public void Diff_RemovedCriterion_IsWidening()
    {
        var removed = Flag("uses_salesforce", true);

        var diff = ProfileDiffer.Diff(Version(1, removed, In("industry", "saas")), Version(2, In("industry", "saas")));

        var change = Assert.Single(diff.Changes);
        Assert.Equal(new CriterionChange("uses_salesforce", ChangeKind.Removed, removed, null, ChangeDirection.Widening), change);
    }

    [Fact]
    public void Diff_SeveralChanges_AreOrderedByAttributeWithVersionNumbers()
    {
        var from = Version(3, Range("employee_count", 50, 500), In("region", "na"), In("industry", "saas"));
        var to = Version(5, In("region", "na", "emea"), Flag("uses_salesforce", true), In("industry", "saas"));

        var diff = ProfileDiffer.Diff(from, to);

        Assert.Equal(["employee_count", "region", "uses_salesforce"], diff.Changes.Select(c => c.Attribute));
        Assert.Equal([ChangeKind.Removed, ChangeKind.Changed, ChangeKind.Added], diff.Changes.Select(c => c.Kind));
        Assert.Equal(("saas-icp", 3, 5), (diff.ProfileId, diff.FromVersion, diff.ToVersion));
        Assert.Equal(ChangeDirection.Mixed, diff.OverallDirection);
    }

    [Fact]
    public void Diff_AllChangesWiden_OverallWidening()
    {
        var diff = ProfileDiffer.Diff(
            Version(1, In("industry", "saas"), Range("employee_count", 50, 500)),
            Version(2, In("industry", "saas", "fintech")));

        Assert.Equal(ChangeDirection.Widening, diff.OverallDirection);
    }

    [Fact]
    public void Diff_CriteriaInAnotherOrder_IsNoChange()
    {
        var diff = ProfileDiffer.Diff(
            Version(1, In("industry", "saas"), Range("employee_count", 50, 500)),
            Version(2, Range("employee_count", 50, 500), In("industry", "saas")));

        Assert.Empty(diff.Changes);
    }
}
