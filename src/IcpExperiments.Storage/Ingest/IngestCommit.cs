using IcpExperiments.Core.Teams;

namespace IcpExperiments.Storage.Ingest;

/// <summary>
/// An ingest transaction that wrote rows, about to commit: the data version it produced and the plan's new rows, stored
/// stamped <see cref="RecordedAt"/> exactly as the plan holds them (enrolments first, then outcomes).
/// <see cref="Committed"/> completes when the commit returns: true once committed, false when it failed.
/// </summary>
internal sealed class IngestCommit(TeamId team, string experimentId, long dataVersion, DateTimeOffset recordedAt, IngestPlan plan)
{
    // Asynchronous continuations: a reader waiting on the commit must not run on the writer's thread under the gate.
    private readonly TaskCompletionSource<bool> outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TeamId Team { get; } = team;

    public string ExperimentId { get; } = experimentId;

    public long DataVersion { get; } = dataVersion;

    public DateTimeOffset RecordedAt { get; } = recordedAt;

    public IngestPlan Plan { get; } = plan;

    public Task<bool> Committed => outcome.Task;

    public void Finish(bool committed) => outcome.TrySetResult(committed);
}
