using IcpExperiments.Core.Enrolments;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>Use cases on enrolments and outcomes. Field rules are checked here; state, idempotency and contamination by the repository inside its transaction.</summary>
public sealed class OutcomeApplicationService(IOutcomeRepository outcomes, TimeProvider time)
{
    public Task<EnrolmentResult> EnrollAsync(TeamId team, Enrolment enrolment, CancellationToken cancellationToken)
    {
        var violations = EnrolmentValidator.Validate(enrolment, "enrolment", time.GetUtcNow());
        if (violations.Count > 0) throw new ValidationFailedException(violations);
        return outcomes.EnrollAsync(team, enrolment, cancellationToken);
    }

    public Task<Page<Enrolment>> ListEnrolmentsAsync(TeamId team, string experimentId, PageRequest page, CancellationToken cancellationToken) =>
        outcomes.ListEnrolmentsAsync(team, experimentId, page, cancellationToken);

    public Task<RecordedOutcome> RecordAsync(TeamId team, string experimentId, OutcomeEvent outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var violations = OutcomeValidator.Validate(outcome, "outcome", now);
        if (violations.Count > 0) throw new ValidationFailedException(violations);
        return outcomes.RecordAsync(team, experimentId, outcome, now, cancellationToken);
    }

    /// <summary>
    /// Applies a batch: rows failing field rules are rejected here (with their index), the rest go to the repository in
    /// one transaction, and the two sets of rejections are merged in row order.
    /// </summary>
    public async Task<BatchResult> ImportAsync(TeamId team, string experimentId, ImportBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Rows.Count > ImportBatch.MaxRows)
            throw new ValidationFailedException("rows", $"a batch holds at most {ImportBatch.MaxRows} rows; this one has {batch.Rows.Count}.");
        var now = time.GetUtcNow();
        var rejected = new List<RowRejection>();
        var validRows = new List<ImportRow>(batch.Rows.Count);
        var originalIndex = new List<int>(batch.Rows.Count);
        for (int i = 0; i < batch.Rows.Count; i++)
        {
            var rejection = ImportRowValidator.Validate(batch.Rows[i], i, now);
            if (rejection is null)
            {
                validRows.Add(batch.Rows[i]);
                originalIndex.Add(i);
            }
            else
            {
                rejected.Add(rejection);
            }
        }

        var stored = await outcomes.ImportAsync(team, experimentId, batch with { Rows = validRows }, now, cancellationToken);
        rejected.AddRange(stored.Rejections.Select(r => r with { Index = originalIndex[r.Index] }));
        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        return stored with { Rejections = rejected };
    }

    public Task<Page<RecordedOutcome>> ListOutcomesAsync(TeamId team, string experimentId, PageRequest page, CancellationToken cancellationToken) =>
        outcomes.ListOutcomesAsync(team, experimentId, page, cancellationToken);
}
