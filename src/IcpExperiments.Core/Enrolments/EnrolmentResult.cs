using IcpExperiments.Core.Outcomes;

namespace IcpExperiments.Core.Enrolments;

/// <summary>The stored enrolment (the original one for an idempotent retry) and whether this call stored it.</summary>
public sealed record EnrolmentResult(Enrolment Enrolment, RecordDisposition Disposition);
