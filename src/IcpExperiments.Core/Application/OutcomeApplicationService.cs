using IcpExperiments.Core.Enrolments;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Teams;
using IcpExperiments.Core.Telemetry;

namespace IcpExperiments.Core.Application;

/// <summary>
/// Use cases on enrolments and outcomes. Field rules are checked here; state, idempotency and contamination by the
/// repository inside its transaction. Rows stored and rows rejected are counted here, where both are known.
/// </summary>
public sealed class OutcomeApplicationService(IOutcomeRepository outcomes, TimeProvider time, IcpExperimentsMetrics? metrics = null)
{
    public async Task<EnrolmentResult> EnrollAsync(TeamId team, Enrolment enrolment, CancellationToken cancellationToken)
    {
        try
        {
            var violations = EnrolmentValidator.Validate(enrolment, "enrolment", time.GetUtcNow());
            if (violations.Count > 0) throw new ValidationFailedException(violations);
            var result = await outcomes.EnrollAsync(team, enrolment, cancellationToken);
            if (result.Disposition == RecordDisposition.Accepted) metrics?.RecordIngested(IcpExperimentsMetrics.UnaryPath, 1);
            return result;
        }
        catch (DomainException rejection) when (metrics is not null)
        {
            metrics.RecordRejected(IcpExperimentsMetrics.UnaryPath, rejection.Reason);
            throw;
        }
    }

    public Task<Page<Enrolment>> ListEnrolmentsAsync(TeamId team, string experimentId, PageRequest page, CancellationToken cancellationToken) =>
        outcomes.ListEnrolmentsAsync(team, experimentId, page, cancellationToken);

    public async Task<RecordedOutcome> RecordAsync(TeamId team, string experimentId, OutcomeEvent outcome, CancellationToken cancellationToken)
    {
        try
        {
            var now = time.GetUtcNow();
            var violations = OutcomeValidator.Validate(outcome, "outcome", now);
            if (violations.Count > 0) throw new ValidationFailedException(violations);
            var recorded = await outcomes.RecordAsync(team, experimentId, outcome, now, cancellationToken);
            if (recorded.Disposition == RecordDisposition.Accepted) metrics?.RecordIngested(IcpExperimentsMetrics.UnaryPath, 1);
            return recorded;
        }
        catch (DomainException rejection) when (metrics is not null)
        {
            metrics.RecordRejected(IcpExperimentsMetrics.UnaryPath, rejection.Reason);
            throw;
        }
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
        if (metrics is not null) CountBatch(metrics, stored.Accepted, rejected);
        return stored with { Rejections = rejected };
    }

    public Task<Page<RecordedOutcome>> ListOutcomesAsync(TeamId team, string experimentId, PageRequest page, CancellationToken cancellationToken) =>
        outcomes.ListOutcomesAsync(team, experimentId, page, cancellationToken);

    private static void CountBatch(IcpExperimentsMetrics metrics, int accepted, List<RowRejection> rejected)
    {
        metrics.RecordIngested(IcpExperimentsMetrics.StreamPath, accepted);
        foreach (var reason in rejected.CountBy(r => r.Reason)) metrics.RecordRejected(IcpExperimentsMetrics.StreamPath, reason.Key, reason.Value);
    }
}
