using IcpExperiments.Core.Enrolments;
using IcpExperiments.Core.Outcomes;

namespace IcpExperiments.Storage.Ingest;

/// <summary>One event to write (exactly one of the two set for a well-formed row) with its content fingerprint.</summary>
internal sealed record IngestItem(Enrolment? Enrolment, OutcomeEvent? Outcome, string Fingerprint);
