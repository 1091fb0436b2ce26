using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Profiles;
using IcpExperiments.Core.Recommendations;
using IcpExperiments.Statistics.Common;
using static IcpExperiments.Core.Tests.Samples;

namespace IcpExperiments.Core.Tests.Recommendations;

public sealed class NextVersionProposalTests
{
    private static readonly ProfileVersion Control = Version(3, In("industry", "saas"), Range("employee_count", 50, 500));

    [Fact]
    public void Build_AdoptAndWiden_AppliedWithProvenance()
    {
        var adopt = Call("variant-a", Range("employee_count", 50, 500), Range("employee_count", 100, 500), CriterionCall.Adopt, 0.3);
        var widen = Call("variant-b", In("industry", "saas"), In("industry", "saas", "fintech"), CriterionCall.Widen, 0.01);

        var proposal = NextVersionProposal.Build(Control, Recommendation(adopt, widen));

        // Criteria come back ordered by attribute.
        Assert.Equal(Range("employee_count", 100, 500), proposal.Content.Criteria[0]);
        Assert.Equal(["saas", "fintech"], Assert.IsType<CategoricalCriterion>(proposal.Content.Criteria[1]).Values);
        Assert.Equal(["employee_count", "industry"], proposal.Provenance.Select(p => p.Change.Attribute));
        Assert.Equal("exp-9", proposal.Provenance[0].ExperimentId);
        Assert.Equal(0.3, proposal.Provenance[0].Relative!.Estimate);
        Assert.Contains("adopt 100 ≤ employee_count ≤ 500 from variant-a (conversion +30%", proposal.ChangeNote);
        Assert.Equal(3, proposal.BasedOnVersion);
    }

    [Fact]
    public void Build_TwoVariantsAdoptSameAttribute_LargerImprovementWins()
    {
        var smaller = Call("variant-a", Range("employee_count", 50, 500), Range("employee_count", 100, 500), CriterionCall.Adopt, 0.1);
        var larger = Call("variant-b", Range("employee_count", 50, 500), Range("employee_count", 50, 2000), CriterionCall.Adopt, 0.25);

        var proposal = NextVersionProposal.Build(Control, Recommendation(smaller, larger));

        Assert.Equal(Range("employee_count", 50, 2000), proposal.Content.Criteria[0]);
        Assert.Equal("variant-a", Assert.Single(proposal.Skipped).VariantKey);
    }

    [Fact]
    public void Build_NothingAdopted_NoChanges()
    {
        var keep = Call("variant-a", Range("employee_count", 50, 500), Range("employee_count", 100, 500), CriterionCall.Keep, -0.2);

        var proposal = NextVersionProposal.Build(Control, Recommendation(keep));

        Assert.False(proposal.HasChanges);
        Assert.Empty(ProfileDiffer.Diff(Control, Control with { Content = proposal.Content }).Changes);
    }

    private static ExperimentRecommendation Recommendation(params CriterionRecommendation[] calls) =>
        new("exp-9", Control.Number, calls.Select(c => new VariantRecommendation(c.VariantKey, c.Decision, [c], false, null, c.Reason)).ToList());

    private static CriterionRecommendation Call(string variant, Criterion before, Criterion after, CriterionCall call, double lift)
    {
        var change = ProfileDiffer.Compare(before.Attribute, before, after)!;
        var relative = new Effect(lift, new Interval(lift - 0.05, lift + 0.05));
        var chosen = call is CriterionCall.Adopt or CriterionCall.Widen ? after : before;
        return new CriterionRecommendation(variant, change, call, chosen, DecisionOutcome.Win, Metric.Conversion, relative, relative, 0.001, null, false, "test");
    }
}
