using IcpExperiments.Core.Accounts;
using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Enrolments;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Profiles;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Storage.Tests;

/// <summary>Small, valid domain objects for storage tests.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly TeamId Team = TeamId.Default;
    public static readonly TeamId OtherTeam = new("other-team");

    public static Profile Profile(string id = "saas-icp") => new(id, "SaaS ICP", "Mid-market SaaS", 0, Now, Now);

    public static ProfileContent Content(params string[] industries) => new(
        [new CategoricalCriterion("industry", CategoricalOperator.In, industries), new RangeCriterion("employee_count", 50, null, MinInclusive: true, MaxInclusive: false)],
        new ProfileText("Ambitious", "Grow", "Churn", "Committee"),
        [new FitTier(FitTierLevel.Best, [new BooleanCriterion("uses_salesforce", true)])]);

    public static Experiment Experiment(string id = "exp-1", string profileId = "saas-icp", ExperimentState state = ExperimentState.Running, DateTimeOffset? createdAt = null)
    {
        var design = new ExperimentDesign(
            "Widen to fintech",
            "Fintech converts as well as SaaS",
            profileId,
            new ArmDesign("control", 1, 0.5, "SaaS only"),
            [new ArmDesign("variant-a", 2, 0.5, "SaaS and fintech")],
            Metric.Conversion,
            [new Guardrail(Metric.Acv, 0.05)],
            0.05,
            0.8,
            0.1,
            180,
            AnalysisMode.Sequential);
        var at = createdAt ?? Now;
        return new Experiment(id, design, state, "", at, at, state == ExperimentState.Draft ? null : at, null, null, null);
    }

    public static Campaign Campaign(string id = "cmp-1", string experimentId = "exp-1", string arm = "control") =>
        new(id, experimentId, arm, "Q4 email", Channel.Email, new DateOnly(2026, 10, 1), null, new Money("EUR", 1234.50m), "", Now, Now);

    public static Enrolment Enrolment(string accountId, string arm = "control", string? eventId = null, string experimentId = "exp-1", string? campaignId = null) =>
        new(experimentId, eventId ?? $"enrol-{accountId}", new Account(accountId, Attributes()), arm, campaignId, Now.AddDays(-30));

    public static AccountAttributes Attributes() =>
        new("saas", 120, "emea", 5_000_000.5, "series-b", ["salesforce", "hubspot"], new Dictionary<string, string> { ["uses_salesforce"] = "true" });

    public static OutcomeEvent Converted(string eventId, string accountId, decimal acv = 24_000.10m) =>
        new(eventId, accountId, OutcomeKind.Converted, Now.AddDays(-1), new Money("EUR", acv), 29.5);

    public static OutcomeEvent Lost(string eventId, string accountId) => new(eventId, accountId, OutcomeKind.Lost, Now.AddDays(-2), null, null);
}
