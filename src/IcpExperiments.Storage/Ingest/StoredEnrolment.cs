namespace IcpExperiments.Storage.Ingest;

/// <summary>The parts of a stored enrolment that decide later writes: its arm, its time and its event's fingerprint.</summary>
internal sealed record StoredEnrolment(string AccountId, string EventId, string ArmKey, DateTimeOffset EnrolledAt, string Fingerprint);
