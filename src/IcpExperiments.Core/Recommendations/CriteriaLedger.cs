using IcpExperiments.Core.Analysis;
using IcpExperiments.Statistics.Common;
using IcpExperiments.Statistics.Distributions;

namespace IcpExperiments.Core.Recommendations;

/// <summary>
/// Per criterion, every change tested across a profile's experiments with its effect; where the same change (same
/// canonical before → after text) was tested more than once on the same metric, a pooled inverse-variance estimate.
/// Each test's standard error is recovered from its interval on the log ratio scale; confidence sequences are wider
/// than fixed intervals, so pooling them is conservative.
/// </summary>
public static class CriteriaLedger
{
    public static IReadOnlyList<LedgerLine> Build(IEnumerable<TestedChange> tests, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(tests);
        return tests
            .GroupBy(t => (t.Change.Attribute, Text: CriterionText.Describe(t.Change), t.Metric))
            .OrderBy(g => g.Key.Attribute, StringComparer.Ordinal).ThenBy(g => g.Key.Text, StringComparer.Ordinal).ThenBy(g => g.Key.Metric)
            .Select(g =>
            {
                var list = g.ToList();
                return new LedgerLine(g.Key.Attribute, g.Key.Text, list[0].Change, g.Key.Metric, list, Pool(list.Where(IsPoolable).ToList(), confidenceLevel));
            })
            .ToList();
    }

    /// <summary>Joint tests share their effect with other changes; an invalid experiment's (sample ratio mismatch) estimate is biased.</summary>
    private static bool IsPoolable(TestedChange test) => !test.IsJoint && test.Decision != DecisionOutcome.Invalid;

    /// <summary>The tests an experiment's recommendation contributes to the ledger: every changed criterion with an effect.</summary>
    public static IEnumerable<TestedChange> TestsOf(ExperimentRecommendation recommendation, double confidenceLevel)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        foreach (var variant in recommendation.Variants)
        {
            foreach (var criterion in variant.Criteria)
            {
                if (criterion.Relative is { } relative)
                {
                    yield return new TestedChange(recommendation.ExperimentId, variant.VariantKey, criterion.Change, criterion.Metric, relative,
                        confidenceLevel, criterion.Decision, criterion.IsJoint);
                }
            }
        }
    }

    /// <summary>Null with fewer than two poolable tests (single-change, interval above −100%). The pooled interval is at <paramref name="confidenceLevel"/>.</summary>
    public static PooledEffect? Pool(IReadOnlyList<TestedChange> tests, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(tests);
        double weights = 0, weighted = 0;
        var usable = new List<(double LogRatio, double Weight)>();
        foreach (var test in tests)
        {
            var r = test.Relative;
            if (!(r.Interval.Lower > -1) || !(r.Estimate > -1) || !double.IsFinite(r.Interval.Upper)) continue;
            double z = Normal.UpperQuantile((1 - test.ConfidenceLevel) / 2);
            double se = (double.LogP1(r.Interval.Upper) - double.LogP1(r.Interval.Lower)) / (2 * z);
            if (!(se > 0)) continue;
            double weight = 1 / (se * se);
            usable.Add((double.LogP1(r.Estimate), weight));
            weights += weight;
            weighted += weight * double.LogP1(r.Estimate);
        }

        if (usable.Count < 2) return null;
        double pooled = weighted / weights, pooledSe = Math.Sqrt(1 / weights);
        double q = 0;
        foreach (var (logRatio, weight) in usable) q += weight * (logRatio - pooled) * (logRatio - pooled);
        double margin = Normal.UpperQuantile((1 - confidenceLevel) / 2) * pooledSe;
        return new PooledEffect(
            usable.Count, Math.Exp(pooled) - 1, new Interval(Math.Exp(pooled - margin) - 1, Math.Exp(pooled + margin) - 1),
            pooledSe, ChiSquared.Sf(q, usable.Count - 1));
    }
}
