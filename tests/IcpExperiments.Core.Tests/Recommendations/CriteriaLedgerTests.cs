using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Profiles;
using IcpExperiments.Core.Recommendations;
using IcpExperiments.Statistics.Common;
using static IcpExperiments.Core.Tests.Samples;

namespace IcpExperiments.Core.Tests.Recommendations;

public sealed class CriteriaLedgerTests
{
    private static readonly CriterionChange Widen = ProfileDiffer.Compare("employee_count", Range("employee_count", 50, 500), Range("employee_count", 50, 1000))!;

    [Fact]
    public void Build_SameChangeTestedTwice_PoolsByInverseVariance()
    {
        // Log-ratio SEs 0.1 and 0.2: weights 100 and 25, pooled log ratio (100·ln 1.2 + 25·ln 1.1) / 125.
        TestedChange[] tests = [Test("exp-1", 1.2, 0.1), Test("exp-2", 1.1, 0.2)];

        var line = Assert.Single(CriteriaLedger.Build(tests));

        double expectedLog = (100 * Math.Log(1.2) + 25 * Math.Log(1.1)) / 125;
        Assert.Equal(2, line.Pooled!.Tests);
        Assert.Equal(Math.Exp(expectedLog) - 1, line.Pooled.Estimate, 1e-12);
        Assert.Equal(Math.Sqrt(1 / 125.0), line.Pooled.StandardErrorOfLogRatio, 1e-12);
        Assert.InRange(line.Pooled.HeterogeneityPValue, 0.6, 0.8);
        Assert.Equal("50 ≤ employee_count ≤ 500 → 50 ≤ employee_count ≤ 1000", line.ChangeText);
    }

    [Fact]
    public void Build_JointTest_ListedButNotPooled()
    {
        TestedChange[] tests = [Test("exp-1", 1.2, 0.1), Test("exp-2", 1.1, 0.2) with { IsJoint = true }];

        var line = Assert.Single(CriteriaLedger.Build(tests));

        Assert.Equal(2, line.Tests.Count);
        Assert.Null(line.Pooled);
    }

    [Fact]
    public void Build_InvalidExperimentTest_ListedButNotPooled()
    {
        // A sample-ratio mismatch biases the estimate: it is shown, but must not move the pooled effect.
        TestedChange[] tests = [Test("exp-1", 1.2, 0.1), Test("exp-2", 1.1, 0.2), Test("exp-3", 2.0, 0.05) with { Decision = DecisionOutcome.Invalid }];

        var line = Assert.Single(CriteriaLedger.Build(tests));

        Assert.Equal(3, line.Tests.Count);
        Assert.Equal(2, line.Pooled!.Tests);
        Assert.Equal(Math.Exp((100 * Math.Log(1.2) + 25 * Math.Log(1.1)) / 125) - 1, line.Pooled.Estimate, 1e-12);
    }

    [Fact]
    public void Build_EquivalentCategoricalSpellings_SameLine()
    {
        var a = ProfileDiffer.Compare("industry", In("industry", "saas"), In("industry", "SaaS ", "fintech"))!;
        var b = ProfileDiffer.Compare("industry", In("industry", "SAAS"), In("industry", "fintech", "saas"))!;
        TestedChange[] tests = [Test("exp-1", 1.2, 0.1) with { Change = a }, Test("exp-2", 1.1, 0.2) with { Change = b }];

        var line = Assert.Single(CriteriaLedger.Build(tests));

        Assert.Equal("industry IN {saas} → industry IN {fintech, saas}", line.ChangeText);
        Assert.NotNull(line.Pooled);
    }

    private static TestedChange Test(string experiment, double ratio, double logSe)
    {
        double z = 1.959963984540054;
        var relative = new Effect(ratio - 1, new Interval(ratio * Math.Exp(-z * logSe) - 1, ratio * Math.Exp(z * logSe) - 1));
        return new TestedChange(experiment, "variant-a", Widen, Metric.Conversion, relative, 0.95, DecisionOutcome.Inconclusive, false);
    }
}
