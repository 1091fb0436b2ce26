using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace IcpExperiments.Storage.Ingest;

/// <summary>
/// Decides and stores ingest items (enrolments and outcomes) in one transaction, as the process's only writer: the
/// enrolment rows' keys are looked up at once, the planner decides each row, the new rows are inserted with prepared
/// statements (an outcome's event id and enrolment are checked by the insert itself) and the data version is bumped.
/// Shared by batch imports and the unary group commit; it holds no per-call state, so it is a singleton. Each committed
/// transaction that wrote rows is told to the <see cref="IIngestCommitObserver"/> (the read model's feed) under the gate.
/// </summary>
internal sealed class IngestWriter(IStorageProvider provider, DbContextOptions<IcpExperimentsDbContext> contextOptions, IIngestCommitObserver commits)
{
    private static readonly IReadOnlyDictionary<string, string> NoCampaigns = new Dictionary<string, string>();

    // The ingest span's db.system: the relational extension's type names its provider (SqliteOptionsExtension, Npgsql…).
    private readonly string? providerName = contextOptions.Extensions.OfType<RelationalOptionsExtension>().FirstOrDefault()?.GetType().Name;

    /// <summary>Takes the write gate, then <see cref="ApplyLockedAsync"/>.</summary>
    public async Task<IngestPlan> ApplyAsync(TeamId team, string experimentId, IReadOnlyList<IngestItem> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var writer = await provider.EnterWriteAsync(cancellationToken);
        return await ApplyLockedAsync(team, experimentId, items, now, cancellationToken);
    }

    /// <summary>Decides and stores <paramref name="items"/> in one transaction; the caller holds the write gate.</summary>
    public async Task<IngestPlan> ApplyLockedAsync(TeamId team, string experimentId, IReadOnlyList<IngestItem> items, DateTimeOffset now, CancellationToken cancellationToken)
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

        using var trace = StorageTelemetry.TraceIngest(providerName, experimentId, items.Count);
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
        if (session.WrittenDataVersion is { } version) commits.Committed(new IngestCommit(team, experimentId, version, now, plan));
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
}
