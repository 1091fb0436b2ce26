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
using IcpExperiments.Storage.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace IcpExperiments.Storage.Repositories;

/// <summary>
/// Enrolments and outcomes. Every write, unary or bulk, goes through the same path: fingerprints are computed first,
/// then, as the only writer and inside one transaction, the enrolment rows' keys are looked up at once, the planner
/// decides each row, the new rows are inserted with prepared statements (an outcome's event id and enrolment are checked
/// by the insert itself) and the data version is bumped; the result is returned after commit. Reads go through EF without tracking.
/// </summary>
internal sealed class OutcomeRepository(IcpExperimentsDbContext db, IStorageProvider provider, TimeProvider time, PendingOutcomeWrites pendingWrites) : IOutcomeRepository
{
    private static readonly IReadOnlyDictionary<string, string> NoCampaigns = new Dictionary<string, string>();

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
    /// Group commit: the call queues its row and waits for the write gate; whoever gets the gate first stores every row
    /// queued by then (one transaction per experiment, decided in arrival order exactly as a batch) and completes each
    /// caller after commit. A caller whose row an earlier writer already stored just passes the gate on.
    /// </summary>
    public async Task<RecordedOutcome> RecordAsync(TeamId team, string experimentId, OutcomeEvent outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var mine = new PendingOutcome(team, experimentId, new IngestItem(null, outcome, ContentFingerprint.Of(outcome)), now);
        pendingWrites.Enqueue(mine);
        try
        {
            using var writer = await provider.EnterWriteAsync(cancellationToken);
            if (!mine.Stored.IsCompleted) await StoreQueuedAsync(pendingWrites.ClaimAll());
        }
        catch (OperationCanceledException) when (mine.TryAbandon())
        {
            throw;
        }

        var (decision, recordedAt) = await mine.Stored;
        if (decision.Error is not null) throw decision.Error;
        if (decision.Disposition == RecordDisposition.Accepted) return new RecordedOutcome(experimentId, outcome, recordedAt, RecordDisposition.Accepted);
        var original = await Outcomes(team, experimentId).SingleAsync(o => o.EventId == outcome.EventId, cancellationToken);
        return IngestMapper.ToDomain(original, RecordDisposition.Duplicate);
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

    /// <summary>Stores claimed unary writes (the caller holds the write gate); a failure fails only its experiment's writes.</summary>
    private async Task StoreQueuedAsync(List<PendingOutcome> writes)
    {
        foreach (var group in writes.GroupBy(w => (w.Team, w.ExperimentId)))
        {
            var members = group.ToList();
            var recordedAt = members[0].Now;
            try
            {
                // The writes of other callers must not fail because this caller gave up: no cancellation from here on.
                var plan = await ApplyLockedAsync(group.Key.Team, group.Key.ExperimentId, members.ConvertAll(w => w.Item), recordedAt, CancellationToken.None);
                for (int i = 0; i < members.Count; i++) members[i].Complete(plan.Decisions[i], recordedAt);
            }
            catch (Exception error)
            {
                foreach (var member in members) member.Fail(error);
            }
        }
    }

    private async Task<IngestPlan> ApplyAsync(TeamId team, string experimentId, IReadOnlyList<IngestItem> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var writer = await provider.EnterWriteAsync(cancellationToken);
        return await ApplyLockedAsync(team, experimentId, items, now, cancellationToken);
    }

    /// <summary>Decides and stores <paramref name="items"/> in one transaction; the caller holds the write gate.</summary>
    private async Task<IngestPlan> ApplyLockedAsync(TeamId team, string experimentId, IReadOnlyList<IngestItem> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Enrolment rows need their accounts' stored enrolments (contamination) up front; outcome rows do not.
        var enrolmentAccountIds = new HashSet<string>(StringComparer.Ordinal);
        var enrolmentEventIds = new HashSet<string>(StringComparer.Ordinal);
        bool anyCampaign = false, anyOutcome = false;
        foreach (var item in items)
        {
            if (item is { Enrolment: { } enrolment, Outcome: null })
            {
                enrolmentAccountIds.Add(enrolment.Account.AccountId);
                enrolmentEventIds.Add(enrolment.EventId);
                anyCampaign |= enrolment.CampaignId is not null;
            }
            else if (item is { Enrolment: null, Outcome: not null })
            {
                anyOutcome = true;
            }
        }

        using var trace = StorageTelemetry.TraceIngest(db, experimentId, items.Count);
        await using var session = await provider.BeginIngestAsync(team, experimentId, cancellationToken);
        var experiment = await session.LoadExperimentAsync(cancellationToken) ?? throw new NotFoundException("Experiment", experimentId);
        var campaignArms = anyCampaign ? await session.LoadCampaignArmsAsync(cancellationToken) : NoCampaigns;
        var storedEnrolments = new List<StoredEnrolment>(await session.FindEnrolmentsAsync(enrolmentAccountIds, enrolmentEventIds, cancellationToken));
        var storedOutcomes = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlySet<string>? lookedUpAccounts = enrolmentAccountIds;
        IngestPlan Plan() =>
            new IngestPlanner(experimentId, experiment, campaignArms, storedEnrolments, storedOutcomes, enrolmentEventIds.Count > 0, anyOutcome, lookedUpAccounts).Plan(items);

        // Neither outcome event ids nor outcome accounts are looked up in advance: the plan assumes the event ids are new
        // and the accounts enrolled, and the insert checks both itself. Only an outcome rejected for another reason is
        // looked up first, because a stored event id takes precedence (Duplicate or EVENT_ID_REUSED). When the insert
        // stores fewer rows than planned, the attempt is undone and the batch planned again knowing every stored event id
        // and enrolment it touches, which gives exactly the decisions of a full lookup (the path of retried batches).
        var plan = Plan();
        if (await AddStoredOutcomesAsync(session, RejectedOutcomeEventIds(items, plan), storedOutcomes, cancellationToken)) plan = Plan();
        await session.CreateSavepointAsync(cancellationToken);
        if (!await session.TryInsertAsync(plan, now, cancellationToken))
        {
            await session.RollbackToSavepointAsync(cancellationToken);
            var (outcomeEventIds, outcomeAccountIds) = OutcomeKeys(items);
            await AddStoredOutcomesAsync(session, outcomeEventIds, storedOutcomes, cancellationToken);
            storedEnrolments.AddRange(await session.FindEnrolmentsAsync(outcomeAccountIds, [], cancellationToken));
            lookedUpAccounts = null;
            plan = Plan();
            if (!await session.TryInsertAsync(plan, now, cancellationToken))
                throw new InvalidOperationException("An outcome's event id or enrolment changed during a serialized ingest transaction.");
        }

        await session.CommitAsync(cancellationToken);
        trace.Committed(plan.NewEnrolments.Count + plan.NewOutcomes.Count);
        return plan;
    }

    private static (List<string> EventIds, HashSet<string> AccountIds) OutcomeKeys(IReadOnlyList<IngestItem> items)
    {
        var eventIds = new List<string>();
        var accountIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item is not { Enrolment: null, Outcome: { } outcome }) continue;
            eventIds.Add(outcome.EventId);
            accountIds.Add(outcome.AccountId);
        }

        return (eventIds, accountIds);
    }

    private static List<string> RejectedOutcomeEventIds(IReadOnlyList<IngestItem> items, IngestPlan plan)
    {
        var eventIds = new List<string>();
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is { Enrolment: null, Outcome: { } outcome } && plan.Decisions[i].Disposition == RecordDisposition.Rejected) eventIds.Add(outcome.EventId);
        }

        return eventIds;
    }

    /// <summary>Adds the stored fingerprints of <paramref name="eventIds"/> to <paramref name="known"/>; true when any was stored.</summary>
    private static async Task<bool> AddStoredOutcomesAsync(IIngestSession session, List<string> eventIds, Dictionary<string, string> known, CancellationToken cancellationToken)
    {
        if (eventIds.Count == 0) return false;
        var stored = await session.FindOutcomeFingerprintsAsync(eventIds, cancellationToken);
        foreach (var (eventId, fingerprint) in stored) known[eventId] = fingerprint;
        return stored.Count > 0;
    }

    private async Task EnsureExperimentExistsAsync(TeamId team, string experimentId, CancellationToken cancellationToken)
    {
        if (!await db.Experiments.AnyAsync(e => e.TeamId == team.Value && e.Id == experimentId, cancellationToken))
            throw new NotFoundException("Experiment", experimentId);
    }

    private IQueryable<EnrolmentEntity> Enrolments(TeamId team, string experimentId) =>
        db.Enrolments.AsNoTracking().Where(e => e.TeamId == team.Value && e.ExperimentId == experimentId);

    private IQueryable<OutcomeEntity> Outcomes(TeamId team, string experimentId) =>
        db.Outcomes.AsNoTracking().Where(o => o.TeamId == team.Value && o.ExperimentId == experimentId);
}
