using IcpExperiments.Core.Outcomes;

namespace IcpExperiments.Storage.Entities;

/// <summary>Row of <c>outcomes</c>: one per (team, experiment, event id); ACV is an exact decimal with its currency.</summary>
internal sealed class OutcomeEntity
{
    public string TeamId { get; set; } = "";
    public string ExperimentId { get; set; } = "";
    public string EventId { get; set; } = "";
    public string AccountId { get; set; } = "";
    public OutcomeKind Kind { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string? AcvCurrency { get; set; }
    public decimal? AcvAmount { get; set; }
    public double? CycleDays { get; set; }
    public string Fingerprint { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}
