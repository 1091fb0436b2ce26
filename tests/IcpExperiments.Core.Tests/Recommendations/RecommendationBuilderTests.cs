using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Profiles;
using IcpExperiments.Core.Recommendations;
using IcpExperiments.Core.Tests.Analysis;
using static IcpExperiments.Core.Tests.Samples;

namespace IcpExperiments.Core.Tests.Recommendations;

public sealed class RecommendationBuilderTests
{
    private static readonly ProfileVersion Control = Version(1, In("industry", "saas"), Range("employee_count", 50, 500));

    [Fact]
    public void Build_ThirtyPercentLiftOnOneChange_AdoptsVariantValue()
    {
        var variant = Version(2, In("industry", "saas"), Range("employee_count", 50, 1000));

        var call = CreateSut(variant, Designs.TwoArm(AnalysisMode.Sequential), 0.1, 0.13, 20_000).Variants[0];

        var criterion = Assert.Single(call.Criteria);
        Assert.Equal(CriterionCall.Adopt, criterion.Call);
        Assert.Equal(DecisionOutcome.Win, criterion.Decision);
        Assert.Equal(Range("employee_count", 50, 1000), criterion.Chosen);
        Assert.False(call.IsJoint);
        Assert.Null(call.FollowUp);
        Assert.True(criterion.Relative!.Interval.Lower > 0);
    }

    [Fact]
    public void Build_TwoCriteriaChangedAtOnce_JointCallAndSplitFollowUp()
    {
        // The lift is real but comes from one of the two changes: the data cannot say which.
        var variant = Version(2, In("industry", "saas", "fintech"), Range("employee_count", 100, 500));

        var call = CreateSut(variant, Designs.TwoArm(), 0.1, 0.13, 20_000).Variants[0];

        Assert.True(call.IsJoint);
        Assert.All(call.Criteria, c =>
        {
            Assert.Equal(CriterionCall.Adopt, c.Call);
            Assert.True(c.IsJoint);
            Assert.StartsWith("Joint call: variant-a changed 2 criteria at once", c.Reason);
        });
        var followUp = call.FollowUp!;
        Assert.Equal(["only-employee-count", "only-industry"], followUp.Arms.Select(a => a.Key));
        Assert.All(followUp.Arms, arm => Assert.Single(ProfileDiffer.Diff(Control, Control with { Content = arm.Content }).Changes));
        Assert.Equal(Control.Content, followUp.Control);
    }

    [Fact]
    public void Build_SmallExperiment_KeepRunningWithRemainingSample()
    {
        var variant = Version(2, In("industry", "saas"), Range("employee_count", 50, 1000));

        var criterion = CreateSut(variant, Designs.TwoArm(mde: 0.2), 0.1, 0.11, 1_000).Variants[0].Criteria[0];

        Assert.Equal(CriterionCall.KeepRunning, criterion.Call);
        Assert.InRange(criterion.AccountsStillNeeded!.Value, 3_000, 12_000);
        Assert.Equal(Control.Content.Criteria[1], criterion.Chosen);
    }

    [Fact]
    public void Build_SampleRatioMismatch_NoCall()
    {
        var design = Designs.TwoArm();
        var variant = Version(2, In("industry", "saas"), Range("employee_count", 50, 1000));
        ArmTruth[] truths = [new("control", 0.6, 0.1), new("variant-a", 0.4, 0.2)];

        var criterion = CreateSut(variant, design, truths, 10_000).Variants[0].Criteria[0];

        Assert.Equal(CriterionCall.NoCall, criterion.Call);
        Assert.Equal(DecisionOutcome.Invalid, criterion.Decision);
    }

    [Theory]
    [InlineData(1000.0, CriterionCall.Widen)]
    [InlineData(300.0, CriterionCall.Keep)]
    public void Build_EquivalentOutcome_PrefersWiderDefinition(double variantMax, CriterionCall expected)
    {
        var variant = Version(2, In("industry", "saas"), Range("employee_count", 50, variantMax));

        var criterion = CreateSut(variant, Designs.TwoArm(mde: 0.2), 0.2, 0.2, 20_000).Variants[0].Criteria[0];

        Assert.Equal(DecisionOutcome.Equivalent, criterion.Decision);
        Assert.Equal(expected, criterion.Call);
        Assert.Equal(Range("employee_count", 50, Math.Max(500, variantMax)), criterion.Chosen);
    }

    [Fact]
    public void Build_EquivalentWideningThatHarmsGuardrail_KeepsControlValue()
    {
        var design = Designs.TwoArm(mde: 0.2, guardrails: new Guardrail(Metric.Acv, 0.05));
        var variant = Version(2, In("industry", "saas"), Range("employee_count", 50, 1000));
        ArmTruth[] truths = [new("control", 0.5, 0.2, MeanAcv: 20_000), new("variant-a", 0.5, 0.2, MeanAcv: 12_000)];

        var criterion = CreateSut(variant, design, truths, 20_000).Variants[0].Criteria[0];

        Assert.Equal(DecisionOutcome.Equivalent, criterion.Decision);
        Assert.Equal(CriterionCall.Keep, criterion.Call);
        Assert.Equal(Control.Content.Criteria[1], criterion.Chosen);
    }

    [Fact]
    public void Build_Loser_KeepsControlValue()
    {
        var variant = Version(2, In("industry", "saas"), Range("employee_count", 50, 1000));

        var criterion = CreateSut(variant, Designs.TwoArm(), 0.1, 0.07, 20_000).Variants[0].Criteria[0];

        Assert.Equal(CriterionCall.Keep, criterion.Call);
        Assert.Equal(Control.Content.Criteria[1], criterion.Chosen);
    }

    private static ExperimentRecommendation CreateSut(ProfileVersion variant, ExperimentDesign design, double controlRate, double variantRate, int accounts) =>
        CreateSut(variant, design, Designs.Truths(design, controlRate, variantRate), accounts);

    private static ExperimentRecommendation CreateSut(ProfileVersion variant, ExperimentDesign design, ArmTruth[] truths, int accounts)
    {
        var snapshot = SyntheticExperiment.Generate(design, truths, accounts, seed: 42);
        var results = ResultsCalculator.Calculate(snapshot, new AnalysisOptions(BootstrapResamples: 100));
        var decisions = DecisionRules.Decide(results, design);
        var diffs = new Dictionary<string, ProfileDiff> { ["variant-a"] = ProfileDiffer.Diff(Control, variant) };
        return RecommendationBuilder.Build("exp-1", Control, decisions, diffs);
    }
}
