using IcpExperiments.Core.Enrolments;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>
/// Enrolments and outcome events: the hot ingest path. Each call checks, inside its own transaction, the experiment's
/// state (enrol while Running; outcomes while Running or Stopped), enrolment (one arm per account), idempotency by event
/// id (same content → Duplicate with the original, other content → ALREADY_EXISTS / a row rejection) and only then
/// stores. A returned result is durable.
/// </summary>
public interface IOutcomeRepository
{
    Task<EnrolmentResult> EnrollAsync(TeamId team, Enrolment enrolment, CancellationToken cancellationToken);

    Task<Page<Enrolment>> ListEnrolmentsAsync(TeamId team, string experimentId, PageRequest page, CancellationToken cancellationToken);

    Task<RecordedOutcome> RecordAsync(TeamId team, string experimentId, OutcomeEvent outcome, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Applies a batch in one transaction: valid rows are stored, invalid ones reported, none silently dropped.</summary>
    Task<BatchResult> ImportAsync(TeamId team, string experimentId, ImportBatch batch, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Page<RecordedOutcome>> ListOutcomesAsync(TeamId team, string experimentId, PageRequest page, CancellationToken cancellationToken);
}
