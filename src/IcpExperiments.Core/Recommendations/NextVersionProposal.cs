using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Profiles;

namespace IcpExperiments.Core.Recommendations;

/// <summary>
/// The next profile version a recommendation leads to: control's content with every ADOPT and WIDEN applied, with
/// provenance per change. When two variants propose different definitions for one attribute, the larger improvement
/// on the primary metric wins and the other is listed in <see cref="Skipped"/>. <see cref="HasChanges"/> is false
/// when nothing is adopted, so applying it twice (or applying an empty one) creates no new version.
/// </summary>
public sealed record NextVersionProposal(
    string ProfileId,
    int BasedOnVersion,
    ProfileContent Content,
    IReadOnlyList<Provenance> Provenance,
    IReadOnlyList<Provenance> Skipped,
    string ChangeNote)
{
    public bool HasChanges => Provenance.Count > 0;

    public static NextVersionProposal Build(ProfileVersion control, ExperimentRecommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(recommendation);
        var chosen = new Dictionary<string, (CriterionRecommendation Call, Provenance Record)>(StringComparer.Ordinal);
        var skipped = new List<Provenance>();
        foreach (var variant in recommendation.Variants)
        {
            foreach (var criterion in variant.Criteria)
            {
                if (criterion.Call is not (CriterionCall.Adopt or CriterionCall.Widen)) continue;
                var record = new Provenance(recommendation.ExperimentId, variant.VariantKey, criterion.Change, criterion.Call, criterion.Metric,
                    criterion.Relative, criterion.Absolute, criterion.AdjustedPValue, criterion.IsJoint);
                if (chosen.TryGetValue(criterion.Attribute, out var current) && Improvement(current.Call) >= Improvement(criterion))
                {
                    skipped.Add(record);
                    continue;
                }

                if (current.Record is not null) skipped.Add(current.Record);
                chosen[criterion.Attribute] = (criterion, record);
            }
        }

        var edits = chosen.Values.Select(c => (c.Call.Attribute, c.Call.Chosen)).ToList();
        var provenance = chosen.Values.Select(c => c.Record).OrderBy(p => p.Change.Attribute, StringComparer.Ordinal).ToList();
        var content = CriterionEdits.Apply(control.Content, edits);
        string note = provenance.Count == 0
            ? $"No change: experiment {recommendation.ExperimentId} supports no adoption."
            : $"From experiment {recommendation.ExperimentId}: " + string.Join("; ", provenance.Select(Describe)) + ".";
        return new NextVersionProposal(control.ProfileId, control.Number, content, provenance, skipped, note);
    }

    private static double Improvement(CriterionRecommendation call) =>
        call.Relative is { } r ? MetricDirection.Sign(call.Metric) * r.Estimate : double.NegativeInfinity;

    private static string Describe(Provenance p)
    {
        string effect = p.Relative is { } r
            ? $" ({DecisionText.Name(p.Metric)} {r.Estimate:+0.#%;-0.#%;0%}, CI {r.Interval.Lower:+0.#%;-0.#%;0%} to {r.Interval.Upper:+0.#%;-0.#%;0%})"
            : string.Empty;
        string verb = p.Call == CriterionCall.Widen ? "widen" : "adopt";
        return $"{verb} {CriterionText.Describe(p.Change.After)} from {p.VariantKey}{effect}{(p.IsJoint ? ", joint with other changes" : string.Empty)}";
    }
}
