using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Core.Analysis;

/// <summary>
/// Computes an experiment's results from a snapshot (DESIGN §2): per arm counts and CAC; per variant × metric the
/// estimates, differences, raw and adjusted p-values, the test and why; Kaplan–Meier curves for cycle length; the
/// sample-ratio check and power. Pure and deterministic (the bootstrap is seeded); O(n log n) in the accounts,
/// dominated by the sorts inside the survival and rank tests.
/// </summary>
public static class ResultsCalculator
{
    public static ExperimentResults Calculate(ExperimentSnapshot snapshot, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        options ??= AnalysisOptions.Default;
        var design = snapshot.Design;
        var context = AnalysisContext.For(design, options);

        // Each arm's reduction (dominated by sorting its times) is independent of the others: one core per arm.
        var arms = new ArmData[snapshot.Arms.Count];
        Parallel.For(0, arms.Length, i => arms[i] = ArmData.From(snapshot.Arms[i]));
        var summaries = new List<ArmSummary>(arms.Length);
        foreach (var data in arms) summaries.Add(data.Summary());

        var variants = new List<VariantResults>(arms.Length - 1);
        for (int i = 1; i < arms.Length; i++) variants.Add(CompareVariant(arms[0], arms[i], context));

        return new ExperimentResults(
            snapshot.AsOf,
            design.AnalysisMode,
            options.Correction,
            summaries,
            AdjustedPValues.Apply(variants, options.Correction),
            SampleRatioAnalysis.Run(summaries),
            PowerAnalysis.Compute(arms, design));
    }

    private static VariantResults CompareVariant(ArmData control, ArmData variant, AnalysisContext context)
    {
        var (cycle, curves) = CycleLengthAnalysis.Compare(control, variant, context);
        var conversion = ConversionAnalysis.Compare(control, variant, context);
        var revenue = MeanAnalysis.Compare(Metric.RevenuePerAccount, control.Revenue, variant.Revenue, context, "every enrolled account, 0 when not won");
        if (control.HasCovariate && variant.HasCovariate)
        {
            conversion = CupedSupplement.Add(conversion, control, variant, control.ConvertedIndicator(), variant.ConvertedIndicator(), context);
            revenue = CupedSupplement.Add(revenue, control, variant, control.Revenue, variant.Revenue, context);
        }

        MetricComparison[] metrics =
        [
            conversion,
            cycle,
            MeanAnalysis.Compare(Metric.Acv, control.WonAcv, variant.WonAcv, context, "won deals' ACV"),
            revenue,
            CacAnalysis.Compare(control, variant, context),
        ];
        return new VariantResults(variant.Arm.Key, metrics, curves);
    }
}
