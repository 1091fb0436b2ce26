namespace IcpExperiments.Core.Experiments;

/// <summary>
/// Everything fixed before an experiment starts (editable only in Draft).
/// <see cref="MinimumDetectableEffect"/> is relative to control's value of the primary metric (0.10 = a 10% lift).
/// </summary>
public sealed record ExperimentDesign(
    string DisplayName,
    string Hypothesis,
    string ProfileId,
    ArmDesign Control,
    IReadOnlyList<ArmDesign> Variants,
    Metric PrimaryMetric,
    IReadOnlyList<Guardrail> Guardrails,
    double Alpha,
    double Power,
    double MinimumDetectableEffect,
    int ObservationWindowDays,
    AnalysisMode AnalysisMode)
{
    public const double DefaultAlpha = 0.05;
    public const double DefaultPower = 0.8;
    public const int DefaultObservationWindowDays = 180;

    /// <summary>Control first, then the variants in order.</summary>
    public IEnumerable<ArmDesign> Arms => Variants.Prepend(Control);
}
