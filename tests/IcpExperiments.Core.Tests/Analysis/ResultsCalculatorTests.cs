using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Core.Tests.Analysis;

public sealed class ResultsCalculatorTests
{
    [Fact]
    public void Calculate_ArmSummaries_CountsAddUpAndCacIsSpendPerConversion()
    {
        var design = Designs.TwoArm();
        var snapshot = SyntheticExperiment.Generate(design, Designs.Truths(design, 0.1, 0.1), 4_000, seed: 1);

        var results = ResultsCalculator.Calculate(snapshot);

        Assert.All(results.Arms, arm =>
        {
            Assert.Equal(arm.Enrolled, arm.Converted + arm.Lost + arm.Open);
            Assert.Equal(arm.Spend / arm.Converted, arm.Cac);
        });
        Assert.Equal(4_000, results.Arms.Sum(a => a.Enrolled));
    }

    [Fact]
    public void Calculate_LargeCells_UsesZTestAndSaysWhy()
    {
        var design = Designs.TwoArm();
        var snapshot = SyntheticExperiment.Generate(design, Designs.Truths(design, 0.1, 0.13), 4_000, seed: 2);

        var conversion = ResultsCalculator.Calculate(snapshot).Variants[0][Metric.Conversion];

        Assert.Equal("Two-proportion z-test (pooled)", conversion.Test);
        Assert.StartsWith("z-test used: every expected cell ≥ 5", conversion.TestReason);
        Assert.False(conversion.SequentiallyValid);
    }

    [Fact]
    public void Calculate_RareConversions_UsesFisherExactAndSaysWhy()
    {
        var design = Designs.TwoArm();
        var snapshot = SyntheticExperiment.Generate(design, Designs.Truths(design, 0.01, 0.02), 300, seed: 3);

        var conversion = ResultsCalculator.Calculate(snapshot).Variants[0][Metric.Conversion];

        Assert.Contains("Fisher", conversion.Test);
        Assert.StartsWith("Fisher exact used: expected cell < 5", conversion.TestReason);
    }

    [Fact]
    public void Calculate_SequentialMode_ConversionAndMeansAlwaysValidCycleAndCacNot()
    {
        var design = Designs.TwoArm(AnalysisMode.Sequential);
        var snapshot = SyntheticExperiment.Generate(design, Designs.Truths(design, 0.1, 0.12), 4_000, seed: 4);

        var variant = ResultsCalculator.Calculate(snapshot).Variants[0];

        Assert.True(variant[Metric.Conversion].SequentiallyValid);
        Assert.Contains("mSPRT", variant[Metric.Conversion].Test);
        Assert.True(variant[Metric.RevenuePerAccount].SequentiallyValid);
        Assert.True(variant[Metric.Acv].SequentiallyValid);
        Assert.False(variant[Metric.CycleLength].SequentiallyValid);
        Assert.False(variant[Metric.Cac].SequentiallyValid);
        Assert.Contains(variant[Metric.Conversion].Supplementary, s => s.Method == "Two-proportion z-test (pooled)");
    }

    [Fact]
    public void Calculate_EveryComputableEntry_IsFiniteWithPValuesInUnitIntervalAndEstimateInsideInterval()
    {
        var design = Designs.WithVariants(2, AnalysisMode.Sequential);
        var snapshot = SyntheticExperiment.Generate(design, Designs.Truths(design, 0.08, 0.1, 0.06), 3_000, seed: 5);

        var results = ResultsCalculator.Calculate(snapshot);

        foreach (var metric in results.Variants.SelectMany(v => v.Metrics))
        {
            Assert.True(metric.IsComputable, $"{metric.Metric}: {metric.NotComputableReason}");
            Assert.InRange(metric.PValue!.Value, 0, 1);
            Assert.InRange(metric.AdjustedPValue!.Value, metric.PValue.Value, 1);
            Assert.True(metric.Absolute!.Interval.Contains(metric.Absolute.Estimate), $"{metric.Metric} absolute");
            Assert.True(metric.Relative!.Interval.Contains(metric.Relative.Estimate), $"{metric.Metric} relative");
            Assert.True(double.IsFinite(metric.Control!.Value) && double.IsFinite(metric.Variant!.Value));
        }
    }

    [Fact]
    public void Calculate_EmptyVariant_EntriesNotComputableWithReasons()
    {
        var design = Designs.TwoArm();
        var truths = new[] { new ArmTruth("control", 1, 0.1), new ArmTruth("variant-a", 0, 0.1) };
        var snapshot = SyntheticExperiment.Generate(design, truths, 200, seed: 6);

        var results = ResultsCalculator.Calculate(snapshot);

        Assert.All(results.Variants[0].Metrics, metric =>
        {
            Assert.False(metric.IsComputable);
            Assert.False(string.IsNullOrWhiteSpace(metric.NotComputableReason));
            Assert.Null(metric.PValue);
            Assert.Null(metric.AdjustedPValue);
        });
        Assert.NotNull(results.Power.NotComputableReason);
    }

    [Fact]
    public void Calculate_NoConversionsAnywhere_FisherWithoutRelativeLiftAndNoCycleOrCac()
    {
        var design = Designs.TwoArm();
        var snapshot = SyntheticExperiment.Generate(design, Designs.Truths(design, 0, 0), 200, seed: 7);

        var variant = ResultsCalculator.Calculate(snapshot).Variants[0];

        Assert.Contains("Fisher", variant[Metric.Conversion].Test);
        Assert.Equal(1, variant[Metric.Conversion].PValue);
        Assert.Null(variant[Metric.Conversion].Relative);
        Assert.Equal(0, variant[Metric.Conversion].Control!.Value);
        Assert.False(variant[Metric.CycleLength].IsComputable);
        Assert.Null(variant.CycleLength);
        Assert.Contains("No conversions", variant[Metric.Cac].NotComputableReason);
    }

    [Fact]
    public void Calculate_MoreAndFasterWins_LogRankSignificantAndCycleLengthDifferenceNegative()
    {
        var design = Designs.TwoArm();
        ArmTruth[] truths = [new("control", 0.5, 0.3, MeanCycleDays: 60), new("variant-a", 0.5, 0.4, MeanCycleDays: 30)];
        var snapshot = SyntheticExperiment.Generate(design, truths, 4_000, seed: 8);

        var variant = ResultsCalculator.Calculate(snapshot).Variants[0];

        var cycle = variant[Metric.CycleLength];
        Assert.True(cycle.PValue < 1e-6, $"p {cycle.PValue} diff {cycle.Absolute}");
        Assert.True(cycle.Absolute!.Interval.Upper < 0);
        Assert.NotNull(variant.CycleLength);
        Assert.True(variant.CycleLength!.Variant.Points.Length > 0);
        Assert.Contains(cycle.Supplementary, s => s.Method.StartsWith("Mann", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_AcvComparison_ReportsMannWhitneyAndBootstrapMedianBesideWelch()
    {
        var design = Designs.TwoArm();
        var snapshot = SyntheticExperiment.Generate(design, Designs.Truths(design, 0.2, 0.2), 2_000, seed: 9);

        var acv = ResultsCalculator.Calculate(snapshot).Variants[0][Metric.Acv];

        Assert.Equal("Welch two-sample t-test", acv.Test);
        Assert.Contains("Conditional on winning", acv.TestReason);
        Assert.Contains(acv.Supplementary, s => s.Method.StartsWith("Mann", StringComparison.Ordinal) && s.PValue is not null);
        Assert.Contains(acv.Supplementary, s => s.Method.Contains("bootstrap", StringComparison.OrdinalIgnoreCase) && s.Interval is not null);
    }

    [Fact]
    public void Calculate_BootstrapOverBudget_SkippedWithReason()
    {
        var design = Designs.TwoArm();
        var snapshot = SyntheticExperiment.Generate(design, Designs.Truths(design, 0.2, 0.2), 2_000, seed: 9);

        var acv = ResultsCalculator.Calculate(snapshot, new AnalysisOptions(BootstrapBudget: 10_000)).Variants[0][Metric.Acv];

        var median = Assert.Single(acv.Supplementary, s => s.Method.Contains("bootstrap", StringComparison.OrdinalIgnoreCase));
        Assert.Null(median.Interval);
        Assert.StartsWith("Skipped:", median.Note);
    }

    [Fact]
    public void Calculate_CovariateForEveryAccount_CupedBesideConversionAndRevenueWithSmallerInterval()
    {
        var design = Designs.TwoArm();
        var snapshot = SyntheticExperiment.Generate(design, Designs.Truths(design, 0.2, 0.24), 4_000, seed: 12, covariate: true);

        var variant = ResultsCalculator.Calculate(snapshot).Variants[0];

        var conversion = variant[Metric.Conversion];
        var cuped = Assert.Single(conversion.Supplementary, s => s.Note.StartsWith("CUPED", StringComparison.Ordinal));
        Assert.True(cuped.Interval!.Value.Width < 0.9 * conversion.Absolute!.Interval.Width);
        Assert.Contains(variant[Metric.RevenuePerAccount].Supplementary, s => s.Note.StartsWith("CUPED", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_NoCovariate_NoCuped()
    {
        var design = Designs.TwoArm();
        var snapshot = SyntheticExperiment.Generate(design, Designs.Truths(design, 0.2, 0.24), 1_000, seed: 12);

        var conversion = ResultsCalculator.Calculate(snapshot).Variants[0][Metric.Conversion];

        Assert.DoesNotContain(conversion.Supplementary, s => s.Note.StartsWith("CUPED", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_SameSnapshotTwice_IdenticalResults()
    {
        var design = Designs.TwoArm();
        var snapshot = SyntheticExperiment.Generate(design, Designs.Truths(design, 0.2, 0.25), 1_000, seed: 10);

        var first = ResultsCalculator.Calculate(snapshot).Variants[0][Metric.Acv].Supplementary;
        var second = ResultsCalculator.Calculate(snapshot).Variants[0][Metric.Acv].Supplementary;

        Assert.Equal(first, second);
    }

    [Fact]
    public void Calculate_BenjaminiHochbergRequested_NeverAboveHolm()
    {
        var design = Designs.WithVariants(2);
        var snapshot = SyntheticExperiment.Generate(design, Designs.Truths(design, 0.1, 0.13, 0.1), 4_000, seed: 11);

        var holm = ResultsCalculator.Calculate(snapshot);
        var bh = ResultsCalculator.Calculate(snapshot, new AnalysisOptions(MultipleComparisonCorrection.BenjaminiHochberg));

        var pairs = holm.Variants.SelectMany(v => v.Metrics).Zip(bh.Variants.SelectMany(v => v.Metrics));
        Assert.All(pairs, pair => Assert.True(pair.Second.AdjustedPValue <= pair.First.AdjustedPValue));
        Assert.Equal(MultipleComparisonCorrection.BenjaminiHochberg, bh.Correction);
    }
}
