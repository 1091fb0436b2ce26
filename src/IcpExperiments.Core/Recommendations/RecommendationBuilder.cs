using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Profiles;

namespace IcpExperiments.Core.Recommendations;

/// <summary>
/// Turns each variant's decision and its criteria diff against control into calls per criterion (DESIGN §3):
/// WIN → adopt; LOSE or TRADEOFF → keep control's; EQUIVALENT → the wider definition (the variant's when it widens
/// and harms no guardrail, control's otherwise); INCONCLUSIVE → keep running; INVALID → no call. A variant that changed several criteria gets
/// the same joint call for all of them and a follow-up experiment with one arm per change.
/// </summary>
public static class RecommendationBuilder
{
    public static ExperimentRecommendation Build(
        string experimentId, ProfileVersion control, IReadOnlyList<VariantDecision> decisions, IReadOnlyDictionary<string, ProfileDiff> diffs)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(diffs);
        var variants = new List<VariantRecommendation>(decisions.Count);
        foreach (var decision in decisions)
        {
            if (!diffs.TryGetValue(decision.VariantKey, out var diff))
                throw new ArgumentException($"No profile diff for variant '{decision.VariantKey}'.", nameof(diffs));
            variants.Add(ForVariant(control, decision, diff));
        }

        return new ExperimentRecommendation(experimentId, control.Number, variants);
    }

    private static VariantRecommendation ForVariant(ProfileVersion control, VariantDecision decision, ProfileDiff diff)
    {
        bool joint = diff.Changes.Count > 1;
        var criteria = new List<CriterionRecommendation>(diff.Changes.Count);
        foreach (var change in diff.Changes)
        {
            var (call, chosen, why) = Call(decision, change);
            string reason = joint
                ? $"Joint call: {decision.VariantKey} changed {diff.Changes.Count} criteria at once, so the effect belongs to them together. {why}"
                : why;
            criteria.Add(new CriterionRecommendation(
                decision.VariantKey, change, call, chosen, decision.Outcome, decision.Metric, decision.Relative, decision.Absolute,
                decision.AdjustedPValue, decision.AccountsStillNeeded, joint, reason));
        }

        var followUp = joint ? FollowUp(control, decision, diff) : null;
        string summary = diff.Changes.Count == 0
            ? $"{decision.VariantKey} has the same criteria as control: nothing to adopt. {decision.Reason}"
            : decision.Reason + (joint ? $" Run the proposed follow-up to tell which of the {diff.Changes.Count} changes matters." : string.Empty);
        return new VariantRecommendation(decision.VariantKey, decision.Outcome, criteria, joint, followUp, summary);
    }

    private static (CriterionCall Call, Criterion? Chosen, string Why) Call(VariantDecision decision, CriterionChange change)
    {
        string text = CriterionText.Describe(change);
        return decision.Outcome switch
        {
            DecisionOutcome.Win => (CriterionCall.Adopt, change.After, $"Adopt {CriterionText.Describe(change.After)}: {decision.Reason}"),
            DecisionOutcome.Lose => (CriterionCall.Keep, change.Before, $"Keep {CriterionText.Describe(change.Before)}: {decision.Reason}"),
            DecisionOutcome.Tradeoff => (CriterionCall.Keep, change.Before,
                $"Keep {CriterionText.Describe(change.Before)} unless the gain is worth the guardrail harm: {decision.Reason}"),
            DecisionOutcome.Equivalent => Equivalent(decision, change),
            DecisionOutcome.Inconclusive => (CriterionCall.KeepRunning, change.Before, $"Keep running before changing {text}: {decision.Reason}"),
            _ => (CriterionCall.NoCall, change.Before, $"No call on {text}: {decision.Reason}"),
        };
    }

    private static (CriterionCall, Criterion?, string) Equivalent(VariantDecision decision, CriterionChange change) => change.Direction switch
    {
        // Widening is free only when it costs nothing elsewhere: a harmed guardrail keeps control's definition.
        ChangeDirection.Widening when decision.HarmedGuardrails.Count > 0 => (CriterionCall.Keep, change.Before,
            $"Keep {CriterionText.Describe(change.Before)}: the wider definition performs the same but harms a guardrail. {decision.Reason}"),
        ChangeDirection.Widening => (CriterionCall.Widen, change.After,
            $"Use the wider {CriterionText.Describe(change.After)}: same outcome, larger addressable market. {decision.Reason}"),
        ChangeDirection.Narrowing => (CriterionCall.Keep, change.Before,
            $"Keep the wider {CriterionText.Describe(change.Before)}: narrowing did not change the outcome. {decision.Reason}"),
        _ => (CriterionCall.Keep, change.Before,
            $"Keep {CriterionText.Describe(change.Before)}: same outcome, and neither definition contains the other. {decision.Reason}"),
    };

    private static FollowUpExperiment FollowUp(ProfileVersion control, VariantDecision decision, ProfileDiff diff)
    {
        var arms = new List<FollowUpArm>(diff.Changes.Count);
        foreach (var change in diff.Changes)
        {
            string key = "only-" + change.Attribute.Replace('_', '-');
            if (key.Length > 63) key = key[..63].TrimEnd('-');
            arms.Add(new FollowUpArm(key, $"Control with only {CriterionText.Describe(change)}", change, CriterionEdits.Apply(control.Content, [change])));
        }

        string hypothesis = $"{decision.VariantKey} changed {diff.Changes.Count} criteria together "
            + $"({string.Join(", ", diff.Changes.Select(c => c.Attribute))}); testing each alone against control shows which one moves {DecisionText.Name(decision.Metric)}.";
        return new FollowUpExperiment(hypothesis, control.Content, arms);
    }
}
