using IcpExperiments.Core.Application;
using IcpExperiments.Core.Errors;

namespace IcpExperiments.Core.Experiments;

/// <summary>Rules of an experiment design (arms, allocation, metrics, alpha, power, MDE, window); field paths under <c>prefix</c>.</summary>
public static class ExperimentDesignValidator
{
    public const int MaxVariants = 10;
    public const double AllocationTolerance = 1e-9;
    public const double MaxAlpha = 0.5;
    public const double MinPower = 0.5;
    public const double MaxPower = 0.99;
    public const double MaxRelativeEffect = 10;
    public const int MaxObservationWindowDays = 3650;

    public static IReadOnlyList<FieldViolation> Validate(ExperimentDesign design, string prefix)
    {
        var violations = new List<FieldViolation>();
        violations.AddRange(TextRules.Validate(design.DisplayName, $"{prefix}.display_name", required: true, TextRules.MaxNameLength));
        violations.AddRange(TextRules.Validate(design.Hypothesis, $"{prefix}.hypothesis", required: true, TextRules.MaxTextLength));
        violations.AddRange(ResourceIds.Validate(design.ProfileId, $"{prefix}.profile_id"));
        ArmRules.Validate(design, prefix, violations);
        ValidateStatistics(design, prefix, violations);
        ValidateMetrics(design, prefix, violations);
        return violations;
    }

    private static void ValidateStatistics(ExperimentDesign design, string prefix, List<FieldViolation> violations)
    {
        if (!(design.Alpha > 0 && design.Alpha <= MaxAlpha))
            violations.Add(new FieldViolation($"{prefix}.alpha", $"must be in (0, {MaxAlpha}] (got {design.Alpha})."));
        if (!(design.Power >= MinPower && design.Power <= MaxPower))
            violations.Add(new FieldViolation($"{prefix}.power", $"must be in [{MinPower}, {MaxPower}] (got {design.Power})."));
        if (!(design.MinimumDetectableEffect > 0 && design.MinimumDetectableEffect <= MaxRelativeEffect))
            violations.Add(new FieldViolation($"{prefix}.minimum_detectable_effect", $"must be a relative effect in (0, {MaxRelativeEffect}], e.g. 0.1 for 10% (got {design.MinimumDetectableEffect})."));
        if (design.ObservationWindowDays is < 1 or > MaxObservationWindowDays)
            violations.Add(new FieldViolation($"{prefix}.observation_window_days", $"must be between 1 and {MaxObservationWindowDays} days (got {design.ObservationWindowDays})."));
        if (!Enum.IsDefined(design.AnalysisMode))
            violations.Add(new FieldViolation($"{prefix}.analysis_mode", "must be SEQUENTIAL or FIXED_HORIZON."));
    }

    private static void ValidateMetrics(ExperimentDesign design, string prefix, List<FieldViolation> violations)
    {
        if (!Enum.IsDefined(design.PrimaryMetric))
            violations.Add(new FieldViolation($"{prefix}.primary_metric", "must be a defined metric."));
        var firstIndexOf = new Dictionary<Metric, int>();
        for (int i = 0; i < design.Guardrails.Count; i++)
        {
            var guardrail = design.Guardrails[i];
            var path = $"{prefix}.guardrails[{i}]";
            if (!Enum.IsDefined(guardrail.Metric))
                violations.Add(new FieldViolation($"{path}.metric", "must be a defined metric."));
            else if (guardrail.Metric == design.PrimaryMetric)
                violations.Add(new FieldViolation($"{path}.metric", $"{guardrail.Metric} is the primary metric; a guardrail watches another one."));
            else if (!firstIndexOf.TryAdd(guardrail.Metric, i))
                violations.Add(new FieldViolation($"{path}.metric", $"{guardrail.Metric} already has a guardrail at {prefix}.guardrails[{firstIndexOf[guardrail.Metric]}]."));
            if (!(guardrail.ToleratedRelativeHarm >= 0 && guardrail.ToleratedRelativeHarm < 1))
                violations.Add(new FieldViolation($"{path}.tolerated_relative_harm", $"must be a fraction in [0, 1), e.g. 0.05 for 5% (got {guardrail.ToleratedRelativeHarm})."));
        }
    }
}
