using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Core.Tests.Analysis;

/// <summary>Experiment designs for the analysis tests: control is profile version 1, variants 2, 3, ….</summary>
internal static class Designs
{
    public static ExperimentDesign TwoArm(
        AnalysisMode mode = AnalysisMode.FixedHorizon, Metric primary = Metric.Conversion, double mde = 0.2, params Guardrail[] guardrails) =>
        WithVariants(1, mode, primary, mde, guardrails);

    public static ExperimentDesign WithVariants(
        int variants, AnalysisMode mode = AnalysisMode.FixedHorizon, Metric primary = Metric.Conversion, double mde = 0.2, params Guardrail[] guardrails)
    {
        double share = 1.0 / (variants + 1);
        var variantArms = Enumerable.Range(0, variants)
            .Select(i => new ArmDesign($"variant-{(char)('a' + i)}", i + 2, share, $"variant {i + 1}"))
            .ToList();
        return new ExperimentDesign(
            "ICP test", "A narrower ICP converts better.", "saas-icp",
            new ArmDesign("control", 1, share, "current ICP"), variantArms,
            primary, guardrails, 0.05, 0.8, mde, 180, mode);
    }

    public static ArmTruth[] Truths(ExperimentDesign design, double controlRate, params double[] variantRates) =>
        design.Arms.Select((arm, i) => new ArmTruth(arm.Key, arm.Allocation, i == 0 ? controlRate : variantRates[i - 1])).ToArray();
}
