using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Core.Application;

/// <summary>One experiment's analysis: the experiment as read, its results, the decision per variant, and the data version they rest on.</summary>
public sealed record ExperimentAnalysis(
    Experiment Experiment,
    ExperimentResults Results,
    IReadOnlyList<VariantDecision> Decisions,
    long DataVersion)
{
    /// <summary>ISO 4217 code of the spend and CAC amounts; null when no campaign has spend.</summary>
    public string? SpendCurrency { get; init; }

    /// <summary>ISO 4217 code of ACV and revenue values; null when no won deal carried an ACV.</summary>
    public string? AcvCurrency { get; init; }
}
