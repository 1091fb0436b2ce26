using IcpExperiments.Core.Enrolments;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Outcomes;

namespace IcpExperiments.Storage.Ingest;

/// <summary>
/// Decides, in memory and in item order, what each item of a batch does against what is stored and what earlier items
/// of the same batch did: an enrolment followed by its account's outcome works; a repeated event id is a duplicate
/// (same fingerprint) or EVENT_ID_REUSED; a second arm for an account is contamination. An outcome for an account whose
/// enrolment was not looked up is planned as accepted: the insert checks that enrolment itself, and a failed check makes
/// the caller plan again with every account looked up. Provider-neutral.
/// </summary>
internal sealed class IngestPlanner
{
    private readonly string experimentId;
    private readonly IngestExperiment experiment;
    private readonly IReadOnlyDictionary<string, string> campaignArms;
    private readonly Dictionary<string, StoredEnrolment> enrolmentsByAccount = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> enrolmentFingerprints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> outcomeFingerprints;
    private readonly DomainException? enrolmentsRefused;
    private readonly DomainException? outcomesRefused;
    private readonly IReadOnlySet<string>? lookedUpAccounts;

    public IngestPlanner(
        string experimentId,
        IngestExperiment experiment,
        IReadOnlyDictionary<string, string> campaignArms,
        IReadOnlyList<StoredEnrolment> storedEnrolments,
        IReadOnlyDictionary<string, string> storedOutcomeFingerprints,
        bool hasEnrolments,
        bool hasOutcomes,
        IReadOnlySet<string>? lookedUpAccounts = null)
    {
        ArgumentNullException.ThrowIfNull(storedEnrolments);
        this.experimentId = experimentId;
        this.experiment = experiment;
        this.campaignArms = campaignArms;
        this.lookedUpAccounts = lookedUpAccounts;
        foreach (var stored in storedEnrolments)
        {
            enrolmentsByAccount[stored.AccountId] = stored;
            enrolmentFingerprints[stored.EventId] = stored.Fingerprint;
        }

        outcomeFingerprints = new Dictionary<string, string>(storedOutcomeFingerprints, StringComparer.Ordinal);
        if (hasEnrolments) enrolmentsRefused = Refusal(() => IngestRules.EnsureAcceptsEnrolments(experimentId, experiment.State));
        if (hasOutcomes) outcomesRefused = Refusal(() => IngestRules.EnsureAcceptsOutcomes(experimentId, experiment.State));
    }

    public IngestPlan Plan(IReadOnlyList<IngestItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var plan = new IngestPlan(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            plan.Decisions[i] = item switch
            {
                { Enrolment: { } enrolment, Outcome: null } => PlanEnrolment(enrolment, item.Fingerprint, plan),
                { Enrolment: null, Outcome: { } outcome } => PlanOutcome(outcome, item.Fingerprint, plan),
                _ => RowDecision.Reject(new ValidationFailedException("row", "must hold exactly one of an enrolment or an outcome."), "row"),
            };
        }

        return plan;
    }

    private RowDecision PlanEnrolment(Enrolment enrolment, string fingerprint, IngestPlan plan)
    {
        if (enrolmentsRefused is not null) return RowDecision.Reject(enrolmentsRefused, "");
        if (enrolmentFingerprints.TryGetValue(enrolment.EventId, out var stored)) return Repeat(stored, fingerprint, enrolment.EventId, "enrolment");
        if (!experiment.ArmKeys.Contains(enrolment.ArmKey))
            return RowDecision.Reject(new PreconditionFailedException("ARM_NOT_FOUND", $"Experiment '{experimentId}' has no arm '{enrolment.ArmKey}'."), "arm_key");
        if (enrolment.CampaignId is { } campaignId)
        {
            if (!campaignArms.TryGetValue(campaignId, out var campaignArm))
                return RowDecision.Reject(new PreconditionFailedException("CAMPAIGN_NOT_FOUND", $"Experiment '{experimentId}' has no campaign '{campaignId}'."), "campaign_id");
            if (campaignArm != enrolment.ArmKey)
                return RowDecision.Reject(new PreconditionFailedException("CAMPAIGN_ARM_MISMATCH", $"Campaign '{campaignId}' targets arm '{campaignArm}', not '{enrolment.ArmKey}'."), "campaign_id");
        }

        var accountId = enrolment.Account.AccountId;
        if (enrolmentsByAccount.TryGetValue(accountId, out var existing))
        {
            var message = $"Account '{accountId}' is already enrolled in arm '{existing.ArmKey}' of experiment '{experimentId}' (event '{existing.EventId}').";
            DomainException error = existing.ArmKey == enrolment.ArmKey
                ? new AlreadyExistsException("ACCOUNT_ALREADY_ENROLLED", message)
                : new PreconditionFailedException("ACCOUNT_ALREADY_ENROLLED", message + " An account may be in one arm only.");
            return RowDecision.Reject(error, "account.account_id");
        }

        enrolmentsByAccount[accountId] = new StoredEnrolment(accountId, enrolment.EventId, enrolment.ArmKey, enrolment.EnrolledAt, fingerprint);
        enrolmentFingerprints[enrolment.EventId] = fingerprint;
        plan.NewEnrolments.Add((enrolment, fingerprint));
        return RowDecision.Accepted;
    }

    private RowDecision PlanOutcome(OutcomeEvent outcome, string fingerprint, IngestPlan plan)
    {
        if (outcomesRefused is not null) return RowDecision.Reject(outcomesRefused, "");
        if (outcomeFingerprints.TryGetValue(outcome.EventId, out var stored)) return Repeat(stored, fingerprint, outcome.EventId, "outcome");
        if (!enrolmentsByAccount.TryGetValue(outcome.AccountId, out var enrolment))
        {
            if (lookedUpAccounts is null || lookedUpAccounts.Contains(outcome.AccountId))
                return RowDecision.Reject(new PreconditionFailedException("ACCOUNT_NOT_ENROLLED", $"Account '{outcome.AccountId}' is not enrolled in experiment '{experimentId}'."), "account_id");
        }
        else if (outcome.OccurredAt < enrolment.EnrolledAt)
            return RowDecision.Reject(new PreconditionFailedException("OUTCOME_BEFORE_ENROLMENT", $"Outcome '{outcome.EventId}' occurred at {outcome.OccurredAt:O}, before account '{outcome.AccountId}' was enrolled ({enrolment.EnrolledAt:O})."), "occurred_at");

        outcomeFingerprints[outcome.EventId] = fingerprint;
        plan.NewOutcomes.Add((outcome, fingerprint));
        return RowDecision.Accepted;
    }

    private RowDecision Repeat(string storedFingerprint, string fingerprint, string eventId, string kind) =>
        storedFingerprint == fingerprint
            ? RowDecision.Duplicate
            : RowDecision.Reject(new AlreadyExistsException("EVENT_ID_REUSED", $"Event id '{eventId}' was already used in experiment '{experimentId}' for {kind} with different content."), "event_id");

    private static DomainException? Refusal(Action rule)
    {
        try
        {
            rule();
            return null;
        }
        catch (DomainException refused)
        {
            return refused;
        }
    }
}
