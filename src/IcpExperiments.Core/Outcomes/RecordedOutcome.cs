namespace IcpExperiments.Core.Outcomes;

/// <summary>A stored outcome: the event as first accepted (a duplicate returns the original), and when it was stored.</summary>
public sealed record RecordedOutcome(string ExperimentId, OutcomeEvent Event, DateTimeOffset RecordedAt, RecordDisposition Disposition);
