using IcpExperiments.Core.Experiments;
using IcpExperiments.Statistics.Bayesian;
using IcpExperiments.Statistics.Common;
using IcpExperiments.Statistics.Continuous;
using IcpExperiments.Statistics.Distributions;
using IcpExperiments.Statistics.Sequential;

namespace IcpExperiments.Core.Analysis;

/// <summary>
/// Difference of means for revenue per account and ACV: Welch t (fixed horizon) or the always-valid mSPRT on means
/// (sequential mode), a delta-method interval on the log ratio for the relative effect, and a normal-approximation
/// chance to beat control beside. ACV adds Mann–Whitney and a bootstrap interval of the median difference, and may be
/// capped (winsorized) first; it is conditional on winning, which the reason says.
/// </summary>
internal static class MeanAnalysis
{
    public static MetricComparison Compare(Metric metric, double[] control, double[] variant, AnalysisContext context, string unitNote)
    {
        if (control.Length < 2 || variant.Length < 2)
            return MetricComparison.NotComputable(metric, WelchTTest.Method, $"Needs at least 2 {unitNote} per arm (control {control.Length}, variant {variant.Length}).");

        var supplementary = new List<SupplementaryTest>();
        string capNote = string.Empty;
        if (metric == Metric.Acv)
        {
            supplementary.Add(SupplementaryTest.From(MannWhitneyUTest.Run(control, variant, alpha: context.Alpha), "Rank test: robust to a few very large deals."));
            supplementary.Add(Median(control, variant, context));
            if (context.Options.AcvCapQuantile is { } cap)
            {
                control = Winsorization.Cap(control, 0, cap);
                variant = Winsorization.Cap(variant, 0, cap);
                capNote = $" ACV capped at the {DecisionText.Percent(cap)} quantile per arm before testing.";
            }
        }

        var c = SampleSummary.FromValues(control);
        var v = SampleSummary.FromValues(variant);
        var controlEstimate = ArmMean(c, context.Alpha);
        var variantEstimate = ArmMean(v, context.Alpha);
        var relative = RelativeEffects.LogRatio(c.Mean, c.Variance / c.Count, v.Mean, v.Variance / v.Count, context.Alpha);
        var cMoments = new SampleMoments(c.Count, c.Mean, c.Variance);
        var vMoments = new SampleMoments(v.Count, v.Mean, v.Variance);
        var bayes = NormalComparison.Compare(cMoments, vMoments);
        double? chance = bayes.IsComputable ? bayes.ChanceToBeatControl : null;
        var welch = WelchTTest.Run(c, v, context.Alpha);
        string conditional = metric == Metric.Acv ? " Conditional on winning: compare with conversion before reading it as value." : string.Empty;

        if (!welch.IsComputable)
        {
            return MetricComparison.NotComputable(metric, welch.Method, string.Join(" ", welch.Notes))
                with { Control = controlEstimate, Variant = variantEstimate };
        }

        string reason = $"Welch t: unequal variances, {unitNote}.{capNote}{conditional}";
        if (context.IsSequential)
        {
            var sequential = SequentialTest.Means(cMoments, vMoments, context.Sequential);
            if (sequential.IsComputable)
            {
                var absolute = new Effect(sequential.Estimate, sequential.ConfidenceInterval);
                supplementary.Insert(0, SupplementaryTest.From(welch, "Fixed-horizon test: valid only if read once, at the planned sample."));
                return new MetricComparison(
                    metric, controlEstimate, variantEstimate, absolute, RelativeEffects.Scale(absolute, c.Mean), sequential.PValue, null,
                    sequential.Method,
                    $"Sequential mode: always-valid p-value and confidence sequence on the difference of means, {unitNote}; "
                    + $"the relative interval is the sequence divided by control's mean.{capNote}{conditional}",
                    true, chance, supplementary, null);
            }

            reason = ConversionAnalysis.FixedFallback(sequential, reason);
        }

        return new MetricComparison(
            metric, controlEstimate, variantEstimate, new Effect(welch.Estimate, welch.ConfidenceInterval), relative, welch.PValue, null,
            welch.Method, reason, false, chance, supplementary, null);
    }

    private static ArmEstimate ArmMean(SampleSummary summary, double alpha)
    {
        double margin = Normal.UpperQuantile(alpha / 2) * Math.Sqrt(summary.Variance / summary.Count);
        return new ArmEstimate(summary.Mean, new Interval(summary.Mean - margin, summary.Mean + margin), summary.Count);
    }

    private static SupplementaryTest Median(double[] control, double[] variant, AnalysisContext context)
    {
        var options = context.Options;
        if (options.BootstrapResamples <= 0)
            return new SupplementaryTest(MedianDifferenceBootstrap.Method, null, null, null, "Bootstrap switched off.");

        // Cost grows with resamples × deals; past the budget fewer resamples are used, and below the minimum the
        // interval would be too noisy to show, so it is skipped (Mann–Whitney and Welch still cover large samples).
        long deals = control.Length + variant.Length;
        int resamples = (int)Math.Min(options.BootstrapResamples, options.BootstrapBudget / deals);
        if (resamples < AnalysisOptions.MinimumBootstrapResamples)
        {
            return new SupplementaryTest(MedianDifferenceBootstrap.Method, null, null, null,
                $"Skipped: {deals:N0} won deals exceed the bootstrap budget; Mann–Whitney and Welch cover samples this large.");
        }

        var median = MedianDifferenceBootstrap.Run(control, variant, context.Bootstrap, resamples, context.Alpha);
        return new SupplementaryTest(median.Method, null, median.Estimate, median.ConfidenceInterval, $"{median.Resamples} resamples; difference of medians of won deals' ACV.");
    }
}
