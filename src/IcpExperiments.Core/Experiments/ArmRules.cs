using IcpExperiments.Core.Application;
using IcpExperiments.Core.Errors;

namespace IcpExperiments.Core.Experiments;

/// <summary>Rules of an experiment's arms: count, keys, distinct profile versions, planned allocation.</summary>
internal static class ArmRules
{
    public static void Validate(ExperimentDesign design, string prefix, List<FieldViolation> violations)
    {
        if (design.Variants.Count == 0)
            violations.Add(new FieldViolation($"{prefix}.variants", "must hold at least one variant arm."));
        if (design.Variants.Count > ExperimentDesignValidator.MaxVariants)
            violations.Add(new FieldViolation($"{prefix}.variants", $"must hold at most {ExperimentDesignValidator.MaxVariants} variant arms (got {design.Variants.Count})."));

        var arms = design.Arms.Select((arm, i) => (Arm: arm, Path: i == 0 ? $"{prefix}.control" : $"{prefix}.variants[{i - 1}]")).ToList();
        var keyPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        var versionPaths = new Dictionary<int, string>();
        foreach (var (arm, path) in arms)
        {
            violations.AddRange(ResourceIds.Validate(arm.Key, $"{path}.key"));
            if (arm.Key is not null && !keyPaths.TryAdd(arm.Key, path))
                violations.Add(new FieldViolation($"{path}.key", $"'{arm.Key}' is already the key of {keyPaths[arm.Key]}."));
            if (arm.ProfileVersion < 1)
                violations.Add(new FieldViolation($"{path}.profile_version", $"must be a version number >= 1 (got {arm.ProfileVersion})."));
            else if (!versionPaths.TryAdd(arm.ProfileVersion, path))
                violations.Add(new FieldViolation($"{path}.profile_version", $"version {arm.ProfileVersion} is already used by {versionPaths[arm.ProfileVersion]}: arms must differ."));
            if (!(arm.Allocation > 0 && arm.Allocation < 1))
                violations.Add(new FieldViolation($"{path}.allocation", $"must be a fraction in (0, 1) (got {arm.Allocation})."));
            violations.AddRange(TextRules.Validate(arm.Description, $"{path}.description", required: false, TextRules.MaxTextLength));
        }

        // The sum is only meaningful when each share is; otherwise the per-arm violations say it all.
        if (design.Variants.Count > 0 && arms.All(a => a.Arm.Allocation > 0 && a.Arm.Allocation < 1))
        {
            var sum = arms.Sum(a => a.Arm.Allocation);
            if (Math.Abs(sum - 1) > ExperimentDesignValidator.AllocationTolerance)
                violations.Add(new FieldViolation($"{prefix}.control.allocation", $"the arms' allocations must sum to 1 (they sum to {sum:R})."));
        }
    }
}
