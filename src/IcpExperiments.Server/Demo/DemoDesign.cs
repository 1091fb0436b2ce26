using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Profiles;

namespace IcpExperiments.Server.Demo;

/// <summary>
/// The demo's fixed design: a mid-market SaaS ICP whose version 2 widens the head-count range from 200-1000 down to
/// 50-1000, and an experiment testing whether the smaller accounts convert as well.
/// </summary>
public static class DemoDesign
{
    public const string ProfileId = "demo-saas-icp";
    public const string ExperimentId = "demo-headcount-widening";
    public const string ControlKey = "control";
    public const string VariantKey = "wider-headcount";

    public static ProfileContent Version(int minimumEmployees) => new(
        [
            new CategoricalCriterion("industry", CategoricalOperator.In, ["saas", "fintech", "martech"]),
            new RangeCriterion("employee_count", minimumEmployees, 1000),
            new CategoricalCriterion("region", CategoricalOperator.In, ["north_america", "uk", "dach"]),
            new CategoricalCriterion("funding_stage", CategoricalOperator.NotIn, ["pre_seed"]),
        ],
        new ProfileText(
            "Data-driven revenue leaders who prefer self-serve trials to long demos.",
            "Shorten the sales cycle and forecast pipeline within 5%.",
            "Spreadsheet forecasting, CRM data nobody trusts, slow hand-offs between marketing and sales.",
            "VP Sales sponsors, RevOps evaluates in a 14-day trial, finance signs off above 25k ACV."),
        [
            new FitTier(FitTierLevel.Best, [new CategoricalCriterion("region", CategoricalOperator.In, ["north_america"]), new RangeCriterion("employee_count", 500, null)]),
            new FitTier(FitTierLevel.Good, [new RangeCriterion("employee_count", 200, null)]),
        ]);

    public static ExperimentDesign Experiment() => new(
        "Does the ICP hold for 50-200 employee SaaS companies?",
        "Widening the head-count criterion from 200-1000 to 50-1000 keeps the conversion rate within 20% of control.",
        ProfileId,
        new ArmDesign(ControlKey, 1, 0.5, "Current ICP: 200-1000 employees."),
        [new ArmDesign(VariantKey, 2, 0.5, "Wider ICP: 50-1000 employees.")],
        Metric.Conversion,
        [new Guardrail(Metric.Acv, 0.15)],
        ExperimentDesign.DefaultAlpha,
        ExperimentDesign.DefaultPower,
        0.2,
        ExperimentDesign.DefaultObservationWindowDays,
        AnalysisMode.Sequential);

    public static IEnumerable<Campaign> Campaigns(DateOnly start, DateTimeOffset now)
    {
        (string Id, string Arm, string Name, Channel Channel, decimal Spend)[] campaigns =
        [
            ("control-email", ControlKey, "Control: email sequence", Channel.Email, 18_500m),
            ("control-outbound", ControlKey, "Control: SDR outbound", Channel.Outbound, 42_000m),
            ("variant-email", VariantKey, "Wider: email sequence", Channel.Email, 19_250m),
            ("variant-outbound", VariantKey, "Wider: SDR outbound", Channel.Outbound, 39_800m),
        ];
        return campaigns.Select(c => new Campaign(
            c.Id, ExperimentId, c.Arm, c.Name, c.Channel, start, null, new Money("USD", c.Spend), string.Empty, now, now));
    }
}
