using IcpExperiments.Core.Enrolments;
using IcpExperiments.Core.Outcomes;

namespace IcpExperiments.Storage.Ingest;

/// <summary>The planner's verdict on a batch: one decision per item, and the new rows to insert (in item order).</summary>
internal sealed class IngestPlan(int itemCount)
{
    public RowDecision[] Decisions { get; } = new RowDecision[itemCount];

    public List<(Enrolment Enrolment, string Fingerprint)> NewEnrolments { get; } = [];

    public List<(OutcomeEvent Outcome, string Fingerprint)> NewOutcomes { get; } = [];

    public bool HasWrites => NewEnrolments.Count > 0 || NewOutcomes.Count > 0;
}
