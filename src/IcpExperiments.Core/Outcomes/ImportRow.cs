using IcpExperiments.Core.Enrolments;

namespace IcpExperiments.Core.Outcomes;

/// <summary>One row of a bulk import: exactly one of an enrolment or an outcome. Rows are applied in order, so a batch may enrol an account and then record its outcome.</summary>
public sealed record ImportRow(Enrolment? Enrolment, OutcomeEvent? Outcome);
