using IcpExperiments.Core.Profiles;
using IcpExperiments.Core.Recommendations;

namespace IcpExperiments.Core.Application;

/// <summary>
/// What applying a recommendation writes: the new version's content and change note, and the record (experiment,
/// control, evidence, who and when). <see cref="NewestArmVersion"/> is the newest version the experiment tested: a
/// profile whose latest version is newer has moved on, and the apply is refused rather than undo that version.
/// </summary>
public sealed record RecommendationApplication(
    string ExperimentId,
    string ProfileId,
    int ControlVersion,
    int NewestArmVersion,
    ProfileContent Content,
    string ChangeNote,
    double ConfidenceLevel,
    IReadOnlyList<Provenance> Provenance,
    string AppliedBy,
    DateTimeOffset AppliedAt);
