using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>
/// One "series" of analyses: the same experiment seen at the same instant with the same correction, whatever the data
/// version, etag or spend. Within a series only the newest result is useful, and at most one computation runs at a time.
/// A live query's instant moves with the clock (a new series per live step); an explicit as-of is its own series.
/// </summary>
public readonly record struct AnalysisSeriesKey(
    TeamId Team,
    string ExperimentId,
    DateTimeOffset AsOf,
    MultipleComparisonCorrection Correction)
{
    public static AnalysisSeriesKey Of(AnalysisCacheKey key) => new(key.Team, key.ExperimentId, key.AsOf, key.Correction);
}
