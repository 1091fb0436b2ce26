using IcpExperiments.Core.Experiments;
using static IcpExperiments.Core.Tests.Samples;

namespace IcpExperiments.Core.Tests.Experiments;

public sealed class ExperimentDesignValidatorTests
{
    private static readonly ArmDesign Control = new("control", 1, 0.5, "");
    private static readonly ArmDesign VariantA = new("variant-a", 2, 0.5, "");

    public static TheoryData<string, ExperimentDesign, string> InvalidDesigns()
    {
        var d = Design();
        return new TheoryData<string, ExperimentDesign, string>
        {
            { "display name missing", d with { DisplayName = " " }, "experiment.display_name" },
            { "display name 201 characters", d with { DisplayName = new string('n', 201) }, "experiment.display_name" },
            { "hypothesis missing", d with { Hypothesis = "" }, "experiment.hypothesis" },
            { "hypothesis too long", d with { Hypothesis = new string('h', 10_001) }, "experiment.hypothesis" },
            { "profile id invalid", d with { ProfileId = "SaaS ICP" }, "experiment.profile_id" },
            { "no variant", d with { Control = Control with { Allocation = 0.999 }, Variants = [] }, "experiment.variants" },
            { "eleven variants", d with { Control = Control with { Allocation = 1.0 / 12 }, Variants = Enumerable.Range(0, 11).Select(i => new ArmDesign($"v{i}", i + 2, 1.0 / 12, "")).ToList() }, "experiment.variants" },
            { "control key invalid", d with { Control = Control with { Key = "Control" } }, "experiment.control.key" },
            { "variant key empty", d with { Variants = [VariantA with { Key = "" }] }, "experiment.variants[0].key" },
            { "duplicate key", d with { Variants = [VariantA with { Key = "control" }] }, "experiment.variants[0].key" },
            { "version zero", d with { Control = Control with { ProfileVersion = 0 } }, "experiment.control.profile_version" },
            { "same version as control", d with { Variants = [VariantA with { ProfileVersion = 1 }] }, "experiment.variants[0].profile_version" },
            { "allocation zero", d with { Control = Control with { Allocation = 0 } }, "experiment.control.allocation" },
            { "allocation one", d with { Variants = [VariantA with { Allocation = 1 }] }, "experiment.variants[0].allocation" },
            { "allocation NaN", d with { Variants = [VariantA with { Allocation = double.NaN }] }, "experiment.variants[0].allocation" },
            { "allocations sum below 1", d with { Variants = [VariantA with { Allocation = 0.4 }] }, "experiment.control.allocation" },
            { "allocations sum off by 1e-8", d with { Variants = [VariantA with { Allocation = 0.5 + 1e-8 }] }, "experiment.control.allocation" },
            { "arm description too long", d with { Control = Control with { Description = new string('d', 10_001) } }, "experiment.control.description" },
            { "alpha zero", d with { Alpha = 0 }, "experiment.alpha" },
            { "alpha above half", d with { Alpha = 0.51 }, "experiment.alpha" },
            { "alpha NaN", d with { Alpha = double.NaN }, "experiment.alpha" },
            { "power below 0.5", d with { Power = 0.49 }, "experiment.power" },
            { "power above 0.99", d with { Power = 0.995 }, "experiment.power" },
            { "power infinite", d with { Power = double.PositiveInfinity }, "experiment.power" },
            { "MDE zero", d with { MinimumDetectableEffect = 0 }, "experiment.minimum_detectable_effect" },
            { "MDE negative", d with { MinimumDetectableEffect = -0.1 }, "experiment.minimum_detectable_effect" },
            { "MDE above 10", d with { MinimumDetectableEffect = 10.5 }, "experiment.minimum_detectable_effect" },
            { "MDE NaN", d with { MinimumDetectableEffect = double.NaN }, "experiment.minimum_detectable_effect" },
            { "window zero", d with { ObservationWindowDays = 0 }, "experiment.observation_window_days" },
            { "window above 3650", d with { ObservationWindowDays = 3651 }, "experiment.observation_window_days" },
            { "primary metric undefined", d with { PrimaryMetric = 0, Guardrails = [] }, "experiment.primary_metric" },
            { "analysis mode undefined", d with { AnalysisMode = 0 }, "experiment.analysis_mode" },
            { "guardrail metric undefined", d with { Guardrails = [new Guardrail((Metric)42, 0.1)] }, "experiment.guardrails[0].metric" },
            { "guardrail on primary", d with { Guardrails = [new Guardrail(Metric.Conversion, 0.1)] }, "experiment.guardrails[0].metric" },
            { "guardrail twice", d with { Guardrails = [new Guardrail(Metric.Acv, 0.1), new Guardrail(Metric.Acv, 0.2)] }, "experiment.guardrails[1].metric" },
            { "harm negative", d with { Guardrails = [new Guardrail(Metric.Acv, 0.1), new Guardrail(Metric.Cac, -0.01)] }, "experiment.guardrails[1].tolerated_relative_harm" },
            { "harm one", d with { Guardrails = [new Guardrail(Metric.Acv, 1)] }, "experiment.guardrails[0].tolerated_relative_harm" },
            { "harm NaN", d with { Guardrails = [new Guardrail(Metric.Acv, double.NaN)] }, "experiment.guardrails[0].tolerated_relative_harm" },
        };
    }

    public static TheoryData<string, ExperimentDesign> ValidDesigns()
    {
        var d = Design();
        return new TheoryData<string, ExperimentDesign>
        {
            { "sample", d },
            { "three arms of a third", d with { Control = Control with { Allocation = 1.0 / 3 }, Variants = [VariantA with { Allocation = 1.0 / 3 }, new ArmDesign("variant-b", 3, 1.0 / 3, "")] } },
            { "ten variants", d with { Control = Control with { Allocation = 1.0 / 11 }, Variants = Enumerable.Range(0, 10).Select(i => new ArmDesign($"v{i}", i + 2, 1.0 / 11, "")).ToList() } },
            { "unequal split", d with { Control = Control with { Allocation = 0.8 }, Variants = [VariantA with { Allocation = 0.2 }] } },
            { "edge values", d with { Alpha = 0.5, Power = 0.99, MinimumDetectableEffect = 10, ObservationWindowDays = 3650, AnalysisMode = AnalysisMode.FixedHorizon } },
            { "other edge values", d with { Alpha = 1e-6, Power = 0.5, MinimumDetectableEffect = 1e-6, ObservationWindowDays = 1 } },
            { "no guardrails", d with { Guardrails = [] } },
            { "guardrails with zero harm", d with { Guardrails = [new Guardrail(Metric.Acv, 0), new Guardrail(Metric.CycleLength, 0.999)] } },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidDesigns))]
    public void Validate_InvalidDesign_ReportsOneViolationAtPath(string scenario, ExperimentDesign design, string field)
    {
        var violations = ExperimentDesignValidator.Validate(design, "experiment");

        Assert.True(violations.Count == 1 && violations[0].Field == field, $"{scenario}: expected {field}, got {string.Join("; ", violations)}");
    }

    [Theory]
    [MemberData(nameof(ValidDesigns))]
    public void Validate_ValidDesign_HasNoViolation(string scenario, ExperimentDesign design)
    {
        var violations = ExperimentDesignValidator.Validate(design, "experiment");

        Assert.True(violations.Count == 0, $"{scenario}: {string.Join("; ", violations)}");
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachInFieldOrder()
    {
        var design = Design() with { DisplayName = "", Alpha = 2, Guardrails = [new Guardrail(Metric.Acv, 3)] };

        var fields = ExperimentDesignValidator.Validate(design, "experiment").Select(v => v.Field);

        Assert.Equal(["experiment.display_name", "experiment.alpha", "experiment.guardrails[0].tolerated_relative_harm"], fields);
    }

    [Fact]
    public void Validate_AllocationSumViolation_SaysWhatTheySumTo()
    {
        var design = Design() with { Variants = [VariantA with { Allocation = 0.25 }] };

        var violation = Assert.Single(ExperimentDesignValidator.Validate(design, "experiment"));

        Assert.Contains("sum to 0.75", violation.Description, StringComparison.Ordinal);
    }
}
