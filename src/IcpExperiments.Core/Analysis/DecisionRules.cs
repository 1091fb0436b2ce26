using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Core.Analysis;

/// <summary>
/// Turns results into a call per variant on the primary metric (DESIGN §3), direction-aware (shorter cycles and lower
/// CAC are better). Significance uses the adjusted p-value (Holm by default; always-valid in sequential mode).
/// A guardrail is harmed when its interval lies entirely beyond the tolerated relative harm (a one-sided
/// non-inferiority test). INVALID when the sample-ratio check fails (p &lt; 0.001, the usual SRM bar) or when the
/// primary metric has too little data to estimate a relative effect.
/// </summary>
public static class DecisionRules
{
    /// <summary>Below this many accounts in an arm no test's approximation is trusted.</summary>
    public const int MinimumAccountsPerArm = 10;

    public static IReadOnlyList<VariantDecision> Decide(ExperimentResults results, ExperimentDesign design)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(design);
        var decisions = new List<VariantDecision>(results.Variants.Count);
        foreach (var variant in results.Variants) decisions.Add(Decide(results, design, variant));
        return decisions;
    }

    private static VariantDecision Decide(ExperimentResults results, ExperimentDesign design, VariantResults variant)
    {
        var metric = design.PrimaryMetric;
        var primary = variant[metric];
        var none = Array.Empty<Metric>();
        if (results.SampleRatio.Failed)
            return Invalid(variant.VariantKey, metric, DecisionText.SampleRatioMismatch(results.SampleRatio));
        if (TooLittleData(results, variant, primary) is { } shortage)
            return Invalid(variant.VariantKey, metric, DecisionText.TooLittleData(shortage));

        var relative = primary.Relative!;
        double adjusted = primary.AdjustedPValue!.Value;
        int sign = MetricDirection.Sign(metric);
        bool significant = adjusted < design.Alpha;
        double signedEffect = sign * primary.Absolute!.Estimate;
        var harmed = HarmedGuardrails(design, variant);
        var level = 1 - design.Alpha;

        // A harmed guardrail decides only between WIN and TRADEOFF, but every other call still mentions it.
        VariantDecision Make(DecisionOutcome outcome, string reason, long? needed = null, double? days = null) =>
            new(variant.VariantKey, outcome, metric, relative, primary.Absolute, adjusted, harmed, needed, days,
                outcome is DecisionOutcome.Tradeoff || harmed.Count == 0 ? reason : reason + DecisionText.GuardrailWarning(harmed));

        if (significant && signedEffect > 0)
        {
            return harmed.Count == 0
                ? Make(DecisionOutcome.Win, DecisionText.Win(variant.VariantKey, metric, relative, level))
                : Make(DecisionOutcome.Tradeoff, DecisionText.Tradeoff(variant.VariantKey, metric, relative, level, harmed, variant, design));
        }

        if (significant && signedEffect < 0) return Make(DecisionOutcome.Lose, DecisionText.Lose(variant.VariantKey, metric, relative, level));

        double mde = design.MinimumDetectableEffect;
        if (relative.Interval.Lower >= -mde && relative.Interval.Upper <= mde)
            return Make(DecisionOutcome.Equivalent, DecisionText.Equivalent(variant.VariantKey, metric, relative, level, mde));

        var power = results.Power;
        return Make(
            DecisionOutcome.Inconclusive,
            DecisionText.Inconclusive(variant.VariantKey, metric, relative, level, power),
            power.AccountsStillNeeded, power.DaysStillNeeded);

        static VariantDecision Invalid(string key, Metric metric, string reason) =>
            new(key, DecisionOutcome.Invalid, metric, null, null, null, Array.Empty<Metric>(), null, null, reason);
    }

    private static string? TooLittleData(ExperimentResults results, VariantResults variant, MetricComparison primary)
    {
        foreach (var arm in results.Arms)
        {
            bool involved = arm.Key == variant.VariantKey || arm.Key == results.Arms[0].Key;
            if (involved && arm.Enrolled < MinimumAccountsPerArm) return $"{arm.Key} has {arm.Enrolled} accounts (at least {MinimumAccountsPerArm} needed)";
        }

        if (!primary.IsComputable) return primary.NotComputableReason;
        if (primary.Relative is null || primary.AdjustedPValue is null || primary.Absolute is null)
            return $"no relative effect on {DecisionText.Name(primary.Metric)} can be estimated yet (too few events)";
        return null;
    }

    private static List<Metric> HarmedGuardrails(ExperimentDesign design, VariantResults variant)
    {
        var harmed = new List<Metric>();
        foreach (var guardrail in design.Guardrails)
        {
            if (guardrail.Metric == design.PrimaryMetric) continue;
            var comparison = variant[guardrail.Metric];
            if (comparison.Relative is not { } relative) continue;

            // Most favourable end of the interval, read as improvement: harmed when even that is worse than tolerated.
            int sign = MetricDirection.Sign(guardrail.Metric);
            double bestCase = sign > 0 ? relative.Interval.Upper : -relative.Interval.Lower;
            if (bestCase < -guardrail.ToleratedRelativeHarm) harmed.Add(guardrail.Metric);
        }

        return harmed;
    }
}
