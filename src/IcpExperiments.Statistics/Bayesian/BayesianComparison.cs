namespace IcpExperiments.Statistics.Bayesian;

/// <summary>
/// Bayesian view of variant vs control, reported beside the frequentist test and never instead of it: it answers
/// "how likely is the variant better, and what do we lose if we pick it and are wrong", not "is it significant".
/// </summary>
/// <param name="Method">Model and prior used.</param>
/// <param name="ChanceToBeatControl">Posterior P(variant &gt; control), in [0, 1].</param>
/// <param name="ExpectedLossChoosingVariant">E[max(control − variant, 0)]: what choosing the variant costs on average, in metric units.</param>
/// <param name="ExpectedLossChoosingControl">E[max(variant − control, 0)]: what keeping control costs on average.</param>
/// <param name="Notes">Remarks for the reader.</param>
public sealed record BayesianComparison(
    string Method,
    double ChanceToBeatControl,
    double ExpectedLossChoosingVariant,
    double ExpectedLossChoosingControl,
    IReadOnlyList<string> Notes)
{
    /// <summary>False when the posterior is degenerate (e.g. zero variance); the numbers are then NaN and Notes says why.</summary>
    public bool IsComputable => !double.IsNaN(ChanceToBeatControl);
}
