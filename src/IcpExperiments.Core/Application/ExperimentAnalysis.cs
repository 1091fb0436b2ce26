using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Core.Application;

/// <summary>One experiment's analysis: the experiment as read, its results, the decision per variant, and the data version they rest on.</summary>
public sealed record ExperimentAnalysis(
    Experiment Experiment,
    ExperimentResults Results,
    IReadOnlyList<VariantDecision> Decisions,
    long DataVersion);
