using IcpExperiments.Core.Application;
using IcpExperiments.Core.Enrolments;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Tests.Fakes;

/// <summary>Records what the application service passes on; rejects the batch rows listed in <see cref="RejectBatchIndexes"/>.</summary>
internal sealed class RecordingOutcomeRepository : IOutcomeRepository
{
    public List<Enrolment> Enrolments { get; } = [];

    public List<OutcomeEvent> Outcomes { get; } = [];

    public List<ImportBatch> Batches { get; } = [];

    public HashSet<int> RejectBatchIndexes { get; } = [];

    public Task<EnrolmentResult> EnrollAsync(TeamId team, Enrolment enrolment, CancellationToken cancellationToken)
    {
        Enrolments.Add(enrolment);
        return Task.FromResult(new EnrolmentResult(enrolment, RecordDisposition.Accepted));
    }

    public Task<Page<Enrolment>> ListEnrolmentsAsync(TeamId team, string experimentId, PageRequest page, CancellationToken cancellationToken) =>
        Task.FromResult(new Page<Enrolment>([.. Enrolments], null));

    public Task<RecordedOutcome> RecordAsync(TeamId team, string experimentId, OutcomeEvent outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Outcomes.Add(outcome);
        return Task.FromResult(new RecordedOutcome(experimentId, outcome, now, RecordDisposition.Accepted));
    }

    public Task<BatchResult> ImportAsync(TeamId team, string experimentId, ImportBatch batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Batches.Add(batch);
        var rejections = RejectBatchIndexes.Order().Select(i => new RowRejection(i, "ENROLMENT_CONFLICT", "enrolment.arm_key", "already enrolled in another arm.")).ToList();
        return Task.FromResult(new BatchResult(batch.BatchId, batch.Rows.Count - rejections.Count, 0, rejections));
    }

    public Task<Page<RecordedOutcome>> ListOutcomesAsync(TeamId team, string experimentId, PageRequest page, CancellationToken cancellationToken) =>
        Task.FromResult(new Page<RecordedOutcome>([], null));
}
