using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>
/// Everything a segment report depends on: team, experiment, its etag (design and state), the data version, the
/// instant, the attributes broken down (in request order, comma-joined) and the smallest testable segment.
/// </summary>
public readonly record struct SegmentCacheKey(
    TeamId Team, string ExperimentId, string Etag, long DataVersion, DateTimeOffset AsOf, string Attributes, int MinAccounts);
