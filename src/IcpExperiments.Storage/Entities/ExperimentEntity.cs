using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Storage.Entities;

/// <summary>
/// Row of <c>experiments</c>. <see cref="RowVersion"/> is the etag (bumped by every update, compared in the UPDATE's
/// WHERE clause); <see cref="DataVersion"/> is bumped by every enrolment or outcome write (analysis caches on it).
/// </summary>
internal sealed class ExperimentEntity
{
    public string TeamId { get; set; } = "";
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Hypothesis { get; set; } = "";
    public string ProfileId { get; set; } = "";
    public string ArmsJson { get; set; } = "[]";
    public Metric PrimaryMetric { get; set; }
    public string GuardrailsJson { get; set; } = "[]";
    public double Alpha { get; set; }
    public double Power { get; set; }
    public double MinimumDetectableEffect { get; set; }
    public int ObservationWindowDays { get; set; }
    public AnalysisMode AnalysisMode { get; set; }
    public ExperimentState State { get; set; }
    public long RowVersion { get; set; }
    public long DataVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
    public DateTimeOffset? ConcludedAt { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }
}
