using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>
/// Everything an analysis' result depends on: who and which experiment, the experiment's etag (design and state), the
/// data version (enrolments and outcomes), the campaign spend, the instant and the correction. Two calls with equal
/// keys get the same result, so the second reuses the first's.
/// </summary>
public readonly record struct AnalysisCacheKey(
    TeamId Team,
    string ExperimentId,
    string Etag,
    long DataVersion,
    string SpendFingerprint,
    DateTimeOffset AsOf,
    MultipleComparisonCorrection Correction);
