using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Core.Tests.Analysis;

public sealed class DecisionRulesTests
{
    [Fact]
    public void Decide_AaExperimentsAcrossSeeds_RarelyAndNeverSystematicallyWin()
    {
        var design = Designs.TwoArm(AnalysisMode.Sequential);

        int wins = 0;
        for (int seed = 100; seed < 140; seed++)
        {
            var decision = CreateSut(design, Designs.Truths(design, 0.1, 0.1), 2_000, seed);
            if (decision.Outcome == DecisionOutcome.Win) wins++;
        }

        // One-sided false WIN rate is at most alpha / 2 = 2.5%: 40 runs give ~1; 4 or more would be p < 0.02.
        Assert.True(wins <= 3, $"{wins} of 40 A/A experiments were called WIN");
    }

    [Fact]
    public void Decide_ThirtyPercentLiftAtAdequatePower_WinWithPlainReason()
    {
        var design = Designs.TwoArm(AnalysisMode.Sequential, guardrails: new Guardrail(Metric.Acv, 0.1));

        var decision = CreateSut(design, Designs.Truths(design, 0.1, 0.13), 20_000, seed: 1);

        Assert.Equal(DecisionOutcome.Win, decision.Outcome);
        Assert.Matches(@"^variant-a converts \d+% better \(95% CI \+\d+(\.\d)?% to \+\d+%\), no guardrail harmed\.$", decision.Reason);
        Assert.InRange(decision.Relative!.Estimate, 0.2, 0.4);
    }

    [Fact]
    public void Decide_ThirtyPercentDrop_Lose()
    {
        var design = Designs.TwoArm();

        var decision = CreateSut(design, Designs.Truths(design, 0.1, 0.07), 20_000, seed: 2);

        Assert.Equal(DecisionOutcome.Lose, decision.Outcome);
        Assert.Contains("converts", decision.Reason);
        Assert.Contains("worse", decision.Reason);
        Assert.EndsWith("keep control.", decision.Reason);
    }

    [Fact]
    public void Decide_NoEffectLargeSample_Equivalent()
    {
        var design = Designs.TwoArm(mde: 0.2);

        var decision = CreateSut(design, Designs.Truths(design, 0.2, 0.2), 20_000, seed: 3);

        Assert.Equal(DecisionOutcome.Equivalent, decision.Outcome);
        Assert.Contains("within the ±20% that would matter", decision.Reason);
    }

    [Fact]
    public void Decide_BetterConversionButAcvHarmedBeyondTolerance_Tradeoff()
    {
        var design = Designs.TwoArm(guardrails: new Guardrail(Metric.Acv, 0.05));
        ArmTruth[] truths = [new("control", 0.5, 0.2, MeanAcv: 20_000), new("variant-a", 0.5, 0.26, MeanAcv: 12_000)];

        var decision = CreateSut(design, truths, 20_000, seed: 4);

        Assert.Equal(DecisionOutcome.Tradeoff, decision.Outcome);
        Assert.Equal([Metric.Acv], decision.HarmedGuardrails);
        Assert.Contains("but ACV fell", decision.Reason);
    }

    [Fact]
    public void Decide_EquivalentButGuardrailHarmed_EquivalentWithWarning()
    {
        var design = Designs.TwoArm(mde: 0.2, guardrails: new Guardrail(Metric.Acv, 0.05));
        ArmTruth[] truths = [new("control", 0.5, 0.2, MeanAcv: 20_000), new("variant-a", 0.5, 0.2, MeanAcv: 12_000)];

        var decision = CreateSut(design, truths, 20_000, seed: 3);

        Assert.Equal(DecisionOutcome.Equivalent, decision.Outcome);
        Assert.Equal([Metric.Acv], decision.HarmedGuardrails);
        Assert.EndsWith("Careful: ACV is harmed beyond tolerance.", decision.Reason);
    }

    [Fact]
    public void Decide_BrokenAllocation_InvalidWhateverTheEffect()
    {
        var design = Designs.TwoArm();
        ArmTruth[] truths = [new("control", 0.6, 0.1), new("variant-a", 0.4, 0.2)];

        var decision = CreateSut(design, truths, 10_000, seed: 5);

        Assert.Equal(DecisionOutcome.Invalid, decision.Outcome);
        Assert.StartsWith("Arm sizes do not match the planned split", decision.Reason);
    }

    [Fact]
    public void Decide_HandfulOfAccounts_InvalidTooLittleData()
    {
        var design = Designs.TwoArm();

        var decision = CreateSut(design, Designs.Truths(design, 0.3, 0.3), 12, seed: 6);

        Assert.Equal(DecisionOutcome.Invalid, decision.Outcome);
        Assert.StartsWith("Too little data to judge", decision.Reason);
    }

    [Fact]
    public void Decide_SmallExperiment_InconclusiveWithAccountsStillNeeded()
    {
        var design = Designs.TwoArm(mde: 0.2);

        var decision = CreateSut(design, Designs.Truths(design, 0.1, 0.11), 1_000, seed: 7);

        Assert.Equal(DecisionOutcome.Inconclusive, decision.Outcome);
        Assert.InRange(decision.AccountsStillNeeded!.Value, 3_000, 12_000);
        Assert.True(decision.DaysStillNeeded > 0);
        Assert.Contains("more accounts", decision.Reason);
    }

    [Fact]
    public void Decide_ShorterCyclesOnCycleLengthPrimary_WinSaysFaster()
    {
        var design = Designs.TwoArm(primary: Metric.CycleLength);
        ArmTruth[] truths = [new("control", 0.5, 0.3, MeanCycleDays: 60), new("variant-a", 0.5, 0.4, MeanCycleDays: 30)];

        var decision = CreateSut(design, truths, 6_000, seed: 8);

        Assert.Equal(DecisionOutcome.Win, decision.Outcome);
        Assert.Contains("closes deals", decision.Reason);
        Assert.Contains("faster", decision.Reason);
    }

    [Fact]
    public void Decide_HigherCacOnCacPrimary_Lose()
    {
        var design = Designs.TwoArm(primary: Metric.Cac);
        ArmTruth[] truths = [new("control", 0.5, 0.2), new("variant-a", 0.5, 0.2, SpendPerAccount: 60m)];

        var decision = CreateSut(design, truths, 6_000, seed: 9);

        Assert.Equal(DecisionOutcome.Lose, decision.Outcome);
        Assert.Contains("more expensively", decision.Reason);
    }

    private static VariantDecision CreateSut(ExperimentDesign design, ArmTruth[] truths, int accounts, int seed)
    {
        var snapshot = SyntheticExperiment.Generate(design, truths, accounts, seed);
        var results = ResultsCalculator.Calculate(snapshot, new AnalysisOptions(BootstrapResamples: 200));
        return DecisionRules.Decide(results, design)[0];
    }
}
