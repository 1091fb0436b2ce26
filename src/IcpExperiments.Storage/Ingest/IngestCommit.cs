using IcpExperiments.Core.Teams;

namespace IcpExperiments.Storage.Ingest;

/// <summary>
/// A committed ingest transaction that wrote rows: the data version it produced and the plan's new rows, stored stamped
/// <see cref="RecordedAt"/> exactly as the plan holds them (enrolments first, then outcomes).
/// </summary>
internal sealed record IngestCommit(TeamId Team, string ExperimentId, long DataVersion, DateTimeOffset RecordedAt, IngestPlan Plan);
