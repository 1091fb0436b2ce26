using IcpExperiments.Core.Profiles;
using IcpExperiments.Core.Recommendations;

namespace IcpExperiments.Core.Application;

/// <summary>
/// What applying a recommendation writes: the new version's content and change note, and the record (experiment,
/// control, evidence, who and when). A profile that got a version other than the experiment's arms after
/// <see cref="ExperimentStartedAt"/> has moved on: the apply is refused rather than silently undo that version.
/// </summary>
public sealed record RecommendationApplication(
    string ExperimentId,
    string ProfileId,
    int ControlVersion,
    IReadOnlyList<int> ArmVersions,
    DateTimeOffset ExperimentStartedAt,
    ProfileContent Content,
    string ChangeNote,
    double ConfidenceLevel,
    IReadOnlyList<Provenance> Provenance,
    string AppliedBy,
    DateTimeOffset AppliedAt);
