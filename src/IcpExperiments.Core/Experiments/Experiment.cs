namespace IcpExperiments.Core.Experiments;

/// <summary>
/// A registered experiment. <see cref="Etag"/> changes on every update; writers pass the one they read so that two
/// concurrent editors never silently overwrite each other.
/// </summary>
public sealed record Experiment(
    string Id,
    ExperimentDesign Design,
    ExperimentState State,
    string Etag,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? StoppedAt,
    DateTimeOffset? ConcludedAt,
    DateTimeOffset? ArchivedAt);
