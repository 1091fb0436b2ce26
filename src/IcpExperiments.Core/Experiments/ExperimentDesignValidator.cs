using IcpExperiments.Core.Errors;

namespace IcpExperiments.Core.Experiments;

/// <summary>Rules of an experiment design (arms, allocation, metrics, alpha, power, MDE, window); field paths under <c>prefix</c>.</summary>
public static class ExperimentDesignValidator
{
    public static IReadOnlyList<FieldViolation> Validate(ExperimentDesign design, string prefix) => throw new NotImplementedException("core helper implements this");
}
