using IcpExperiments.Core.Application;
using IcpExperiments.Core.Errors;

namespace IcpExperiments.Core.Profiles;

/// <summary>Rules of a profile version's content; field paths under <c>prefix</c> (e.g. <c>version.criteria[2].values</c>).</summary>
public static class ProfileContentValidator
{
    public static IReadOnlyList<FieldViolation> Validate(ProfileContent content, string prefix)
    {
        var violations = new List<FieldViolation>();
        CriterionValidator.ValidateList(content.Criteria, $"{prefix}.criteria", violations);
        ValidateText(content.Text, $"{prefix}.text", violations);
        ValidateFitTiers(content.FitTiers, $"{prefix}.fit_tiers", violations);
        return violations;
    }

    private static void ValidateText(ProfileText text, string path, List<FieldViolation> violations)
    {
        violations.AddRange(TextRules.Validate(text.Psychographics, $"{path}.psychographics", required: false, TextRules.MaxTextLength));
        violations.AddRange(TextRules.Validate(text.Goals, $"{path}.goals", required: false, TextRules.MaxTextLength));
        violations.AddRange(TextRules.Validate(text.PainPoints, $"{path}.pain_points", required: false, TextRules.MaxTextLength));
        violations.AddRange(TextRules.Validate(text.BuyingProcess, $"{path}.buying_process", required: false, TextRules.MaxTextLength));
    }

    private static void ValidateFitTiers(IReadOnlyList<FitTier> tiers, string path, List<FieldViolation> violations)
    {
        var firstIndexOf = new Dictionary<FitTierLevel, int>();
        for (int i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            var tierPath = $"{path}[{i}]";
            if (!Enum.IsDefined(tier.Level))
                violations.Add(new FieldViolation($"{tierPath}.level", "must be BEST, GOOD or BAD."));
            else if (!firstIndexOf.TryAdd(tier.Level, i))
                violations.Add(new FieldViolation($"{tierPath}.level", $"{tier.Level} is already defined at {path}[{firstIndexOf[tier.Level]}]: each tier at most once."));

            // An empty tier would match every account.
            if (tier.Criteria.Count == 0) violations.Add(new FieldViolation($"{tierPath}.criteria", "must hold at least one criterion."));
            CriterionValidator.ValidateList(tier.Criteria, $"{tierPath}.criteria", violations);
        }
    }
}
