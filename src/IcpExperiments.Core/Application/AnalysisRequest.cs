using IcpExperiments.Core.Analysis;

namespace IcpExperiments.Core.Application;

/// <summary>What a caller asks of one analysis: the instant (now when null) and the multiple-comparison correction.</summary>
public sealed record AnalysisRequest(
    DateTimeOffset? AsOf = null,
    MultipleComparisonCorrection Correction = MultipleComparisonCorrection.Holm);
