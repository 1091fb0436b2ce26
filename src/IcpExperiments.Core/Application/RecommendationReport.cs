using IcpExperiments.Core.Recommendations;

namespace IcpExperiments.Core.Application;

/// <summary>
/// An experiment's recommendation with what it rests on: the analysis (experiment, decisions, as-of), the calls per
/// criterion, the version Apply would create, and the applied record when it was applied already.
/// </summary>
public sealed record RecommendationReport(
    ExperimentAnalysis Analysis,
    ExperimentRecommendation Recommendation,
    NextVersionProposal Proposal,
    AppliedRecommendation? Applied);
