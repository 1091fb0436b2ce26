using IcpExperiments.Core.Experiments;
using IcpExperiments.Server.Validation;
using V1 = IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Mapping;

/// <summary>
/// Experiments between the contract and the domain. Zero values of optional settings (alpha, power, window,
/// analysis mode) become the documented defaults here, so the domain always sees explicit values.
/// </summary>
public static class ExperimentMapping
{
    /// <summary>The paths UpdateExperiment accepts in its field mask (every input field of Experiment).</summary>
    public static readonly IReadOnlySet<string> UpdatablePaths = new HashSet<string>(StringComparer.Ordinal)
    {
        "display_name", "hypothesis", "profile", "control", "variants", "primary_metric", "guardrails",
        "alpha", "power", "minimum_detectable_effect", "observation_window_days", "analysis_mode",
    };

    public static ExperimentDesign ToDesign(V1.Experiment experiment, string field, RequestValidation validation)
    {
        var empty = new ExperimentDesign(string.Empty, string.Empty, string.Empty, EmptyArm, [], Metric.Conversion, [], 0, 0, 0, 0, AnalysisMode.Sequential);
        return UpdatablePaths.Aggregate(empty, (design, path) => Apply(design, experiment, path, field, validation));
    }

    /// <summary>Copies one field (a mask path) of <paramref name="experiment"/> into <paramref name="design"/>.</summary>
    public static ExperimentDesign Apply(ExperimentDesign design, V1.Experiment experiment, string path, string field, RequestValidation validation)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(experiment);
        var at = $"{field}.{path}";
        return path switch
        {
            "display_name" => design with { DisplayName = experiment.DisplayName },
            "hypothesis" => design with { Hypothesis = experiment.Hypothesis },
            "profile" => design with { ProfileId = ResourceNames.Profile(experiment.Profile, at, validation) ?? string.Empty },
            "control" => design with { Control = validation.Required(experiment.Control, at) ? ToArm(experiment.Control, at, validation) : EmptyArm },
            "variants" => design with { Variants = experiment.Variants.Select((arm, i) => ToArm(arm, $"{at}[{i}]", validation)).ToList() },
            "primary_metric" => design with { PrimaryMetric = ToMetric(experiment.PrimaryMetric, at, validation) },
            "guardrails" => design with { Guardrails = experiment.Guardrails.Select((g, i) => ToGuardrail(g, $"{at}[{i}]", validation)).ToList() },
            "alpha" => design with { Alpha = OrDefault(experiment.Alpha, ExperimentDesign.DefaultAlpha, at, validation) },
            "power" => design with { Power = OrDefault(experiment.Power, ExperimentDesign.DefaultPower, at, validation) },
            "minimum_detectable_effect" => design with { MinimumDetectableEffect = Finite(experiment.MinimumDetectableEffect, at, validation) },
            "observation_window_days" => design with
            {
                ObservationWindowDays = experiment.ObservationWindowDays == 0 ? ExperimentDesign.DefaultObservationWindowDays : experiment.ObservationWindowDays,
            },
            "analysis_mode" => design with { AnalysisMode = ToAnalysisMode(experiment.AnalysisMode, at, validation) },
            _ => throw new ArgumentOutOfRangeException(nameof(path), path, "Not an updatable path."),
        };
    }

    public static V1.Experiment ToProto(Experiment experiment)
    {
        var design = experiment.Design;
        var proto = new V1.Experiment
        {
            Name = ResourceNames.OfExperiment(experiment.Id),
            DisplayName = design.DisplayName,
            Hypothesis = design.Hypothesis,
            Profile = ResourceNames.OfProfile(design.ProfileId),
            Control = ToProto(design.Control),
            PrimaryMetric = ToProto(design.PrimaryMetric),
            Alpha = design.Alpha,
            Power = design.Power,
            MinimumDetectableEffect = design.MinimumDetectableEffect,
            ObservationWindowDays = design.ObservationWindowDays,
            AnalysisMode = design.AnalysisMode == AnalysisMode.FixedHorizon ? V1.AnalysisMode.FixedHorizon : V1.AnalysisMode.Sequential,
            State = (V1.ExperimentState)(int)experiment.State,
            CreateTime = CommonMapping.ToProto(experiment.CreatedAt),
            UpdateTime = CommonMapping.ToProto(experiment.UpdatedAt),
            StartTime = CommonMapping.ToProto(experiment.StartedAt),
            StopTime = CommonMapping.ToProto(experiment.StoppedAt),
            ConcludeTime = CommonMapping.ToProto(experiment.ConcludedAt),
            ArchiveTime = CommonMapping.ToProto(experiment.ArchivedAt),
            Etag = experiment.Etag,
        };
        proto.Variants.AddRange(design.Variants.Select(ToProto));
        proto.Guardrails.AddRange(design.Guardrails.Select(g => new V1.Guardrail { Metric = ToProto(g.Metric), ToleratedRelativeHarm = g.ToleratedRelativeHarm }));
        return proto;
    }

    /// <summary>The domain state a ListExperiments filter names; null (any state) for UNSPECIFIED.</summary>
    public static ExperimentState? ToStateFilter(V1.ExperimentState state, string field, RequestValidation validation)
    {
        if (state == V1.ExperimentState.Unspecified) return null;
        return validation.Check(System.Enum.IsDefined(state), field, $"value {state} is not a known ExperimentState.")
            ? (ExperimentState)(int)state
            : null;
    }

    private static readonly ArmDesign EmptyArm = new(string.Empty, 0, 0, string.Empty);

    private static ArmDesign ToArm(V1.Arm arm, string field, RequestValidation validation) =>
        new(arm.Key, arm.ProfileVersion, Finite(arm.Allocation, $"{field}.allocation", validation), arm.Description);

    private static V1.Arm ToProto(ArmDesign arm) =>
        new() { Key = arm.Key, ProfileVersion = arm.ProfileVersion, Allocation = arm.Allocation, Description = arm.Description };

    private static Guardrail ToGuardrail(V1.Guardrail guardrail, string field, RequestValidation validation) =>
        new(ToMetric(guardrail.Metric, $"{field}.metric", validation), Finite(guardrail.ToleratedRelativeHarm, $"{field}.tolerated_relative_harm", validation));

    private static Metric ToMetric(V1.Metric metric, string field, RequestValidation validation) =>
        validation.Specified(metric, field) ? (Metric)(int)metric : Metric.Conversion;

    public static V1.Metric ToProto(Metric metric) => (V1.Metric)(int)metric;

    private static AnalysisMode ToAnalysisMode(V1.AnalysisMode mode, string field, RequestValidation validation) => mode switch
    {
        V1.AnalysisMode.Unspecified or V1.AnalysisMode.Sequential => AnalysisMode.Sequential,
        V1.AnalysisMode.FixedHorizon => AnalysisMode.FixedHorizon,
        _ => Invalid(AnalysisMode.Sequential, field, $"value {mode} is not a known AnalysisMode.", validation),
    };

    private static double OrDefault(double value, double defaultValue, string field, RequestValidation validation) =>
        value == 0 ? defaultValue : Finite(value, field, validation);

    private static double Finite(double value, string field, RequestValidation validation)
    {
        validation.Finite(value, field);
        return value;
    }

    private static T Invalid<T>(T fallback, string field, string description, RequestValidation validation)
    {
        validation.Add(field, description);
        return fallback;
    }
}
