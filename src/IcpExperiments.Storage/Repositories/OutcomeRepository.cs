using IcpExperiments.Core.Application;
using IcpExperiments.Core.Enrolments;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Entities;
using IcpExperiments.Storage.Ingest;
using IcpExperiments.Storage.Mapping;
using IcpExperiments.Storage.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IcpExperiments.Storage.Repositories;

/// <summary>
/// Enrolments and outcomes. Every write, unary or bulk, goes through the same path: fingerprints are computed first,
/// then <see cref="IngestWriter"/> decides and stores the rows in one transaction as the only writer (unary records
/// through the group commit); the result is returned after commit. Reads go through EF without tracking; the context
/// is taken from the call's scope only when a read needs it, so a unary record (which reads nothing unless it is a
/// retry) does not rent and reset a pooled context.
/// </summary>
internal sealed class OutcomeRepository(IServiceProvider scope, IngestWriter writer, TimeProvider time, PendingOutcomeWrites pendingWrites) : IOutcomeRepository
{
    private IcpExperimentsDbContext? context;

    private IcpExperimentsDbContext Db => context ??= scope.GetRequiredService<IcpExperimentsDbContext>();

    public async Task<EnrolmentResult> EnrollAsync(TeamId team, Enrolment enrolment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var plan = await ApplyAsync(team, enrolment.ExperimentId, [ToItem(enrolment, enrolment.ExperimentId)], time.GetUtcNow(), cancellationToken);
        var decision = plan.Decisions[0];
        if (decision.Error is not null) throw decision.Error;
        if (decision.Disposition == RecordDisposition.Accepted) return new EnrolmentResult(enrolment, RecordDisposition.Accepted);
        var original = await Enrolments(team, enrolment.ExperimentId).SingleAsync(e => e.EventId == enrolment.EventId, cancellationToken);
        return new EnrolmentResult(IngestMapper.ToDomain(original), RecordDisposition.Duplicate);
    }

    public async Task<Page<Enrolment>> ListEnrolmentsAsync(TeamId team, string experimentId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var after = PageToken.Decode(page.PageToken, 1);
        await EnsureExperimentExistsAsync(team, experimentId, cancellationToken);
        var query = Enrolments(team, experimentId);
        if (after is not null) query = query.Where(e => string.Compare(e.AccountId, after[0]) > 0);
        return await KeysetPager.ReadAsync(query.OrderBy(e => e.AccountId), page, e => [e.AccountId], IngestMapper.ToDomain, cancellationToken);
    }

    /// <summary>
    /// Group commit (<see cref="PendingOutcomeWrites"/>): the call queues its row and its task completes when the
    /// transaction that stores it has committed (a duplicate with the original, read through this call's context). A call
    /// cancelled before its row was taken for storing gives it up; once taken, the row's fate is decided by that
    /// transaction and the call reports it.
    /// </summary>
    public Task<RecordedOutcome> RecordAsync(TeamId team, string experimentId, OutcomeEvent outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var mine = new PendingOutcome(team, experimentId, outcome, now, eventId => FindOriginalAsync(team, experimentId, eventId, cancellationToken), cancellationToken);
        pendingWrites.Enqueue(mine);
        return mine.Result;
    }

    public async Task<BatchResult> ImportAsync(TeamId team, string experimentId, ImportBatch batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        // Hashing every row's content is a sizeable share of a batch's CPU time; it needs no lock, so spread it over cores.
        var items = new IngestItem[batch.Rows.Count];
        Parallel.For(0, items.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var row = batch.Rows[i];
            items[i] = row switch
            {
                { Enrolment: { } enrolment, Outcome: null } => ToItem(enrolment, experimentId),
                { Enrolment: null, Outcome: { } outcome } => new IngestItem(null, outcome, ContentFingerprint.Of(outcome)),
                _ => new IngestItem(row.Enrolment, row.Outcome, ""),
            };
        });

        var plan = await ApplyAsync(team, experimentId, items, now, cancellationToken);
        var rejections = new List<RowRejection>();
        int duplicates = 0;
        for (int i = 0; i < plan.Decisions.Length; i++)
        {
            var decision = plan.Decisions[i];
            if (decision.Error is { } error) rejections.Add(new RowRejection(i, error.Reason, decision.Field, error.Message));
            else if (decision.Disposition == RecordDisposition.Duplicate) duplicates++;
        }

        return new BatchResult(batch.BatchId, plan.NewEnrolments.Count + plan.NewOutcomes.Count, duplicates, rejections);
    }

    public async Task<Page<RecordedOutcome>> ListOutcomesAsync(TeamId team, string experimentId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var after = PageToken.Decode(page.PageToken, 1);
        await EnsureExperimentExistsAsync(team, experimentId, cancellationToken);
        var query = Outcomes(team, experimentId);
        if (after is not null) query = query.Where(o => string.Compare(o.EventId, after[0]) > 0);
        return await KeysetPager.ReadAsync(query.OrderBy(o => o.EventId), page, o => [o.EventId], o => IngestMapper.ToDomain(o, RecordDisposition.Accepted), cancellationToken);
    }

    /// <summary>The enrolment as stored: under the experiment it is written to, so its fingerprint does not depend on how it arrived.</summary>
    private static IngestItem ToItem(Enrolment enrolment, string experimentId)
    {
        var stored = enrolment with { ExperimentId = experimentId };
        return new IngestItem(stored, null, ContentFingerprint.Of(stored));
    }

    private Task<IngestPlan> ApplyAsync(TeamId team, string experimentId, IReadOnlyList<IngestItem> items, DateTimeOffset now, CancellationToken cancellationToken) =>
        writer.ApplyAsync(team, experimentId, items, now, cancellationToken);

    private async Task<RecordedOutcome> FindOriginalAsync(TeamId team, string experimentId, string eventId, CancellationToken cancellationToken) =>
        IngestMapper.ToDomain(await Outcomes(team, experimentId).SingleAsync(o => o.EventId == eventId, cancellationToken), RecordDisposition.Duplicate);

    private async Task EnsureExperimentExistsAsync(TeamId team, string experimentId, CancellationToken cancellationToken)
    {
        if (!await Db.Experiments.AnyAsync(e => e.TeamId == team.Value && e.Id == experimentId, cancellationToken))
            throw new NotFoundException("Experiment", experimentId);
    }

    private IQueryable<EnrolmentEntity> Enrolments(TeamId team, string experimentId) =>
        Db.Enrolments.AsNoTracking().Where(e => e.TeamId == team.Value && e.ExperimentId == experimentId);

    private IQueryable<OutcomeEntity> Outcomes(TeamId team, string experimentId) =>
        Db.Outcomes.AsNoTracking().Where(o => o.TeamId == team.Value && o.ExperimentId == experimentId);
}
