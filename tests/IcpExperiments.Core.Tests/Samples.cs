using IcpExperiments.Core.Accounts;
using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Enrolments;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Profiles;

namespace IcpExperiments.Core.Tests;

/// <summary>Valid domain objects for tests to vary with <c>with</c> expressions.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    public static CategoricalCriterion In(string attribute, params string[] values) => new(attribute, CategoricalOperator.In, values);

    public static CategoricalCriterion NotIn(string attribute, params string[] values) => new(attribute, CategoricalOperator.NotIn, values);

    public static RangeCriterion Range(string attribute, double? min, double? max, bool minInclusive = true, bool maxInclusive = true) =>
        new(attribute, min, max, minInclusive, maxInclusive);

    public static BooleanCriterion Flag(string attribute, bool expected) => new(attribute, expected);

    public static ProfileContent Content(params Criterion[] criteria) => new(criteria, ProfileText.Empty, []);

    public static ProfileVersion Version(int number, params Criterion[] criteria) =>
        new("saas-icp", number, Content(criteria), "note", Now);

    public static AccountAttributes Attributes() => new(
        "SaaS", 250, "North America", 12_000_000, "Series B", ["Salesforce", "HubSpot"],
        new Dictionary<string, string> { ["uses_salesforce"] = "true", ["nps"] = "42.5", ["segment"] = "Mid-Market" });

    public static Account Account(AccountAttributes? attributes = null) => new("acc-1", attributes ?? Attributes());

    public static ExperimentDesign Design() => new(
        "Narrow to mid-market SaaS",
        "Accounts of 50-500 employees convert better.",
        "saas-icp",
        new ArmDesign("control", 1, 0.5, "current ICP"),
        [new ArmDesign("variant-a", 2, 0.5, "narrower employee range")],
        Metric.Conversion,
        [new Guardrail(Metric.Acv, 0.05)],
        ExperimentDesign.DefaultAlpha,
        ExperimentDesign.DefaultPower,
        0.1,
        ExperimentDesign.DefaultObservationWindowDays,
        AnalysisMode.Sequential);

    public static Experiment Experiment(ExperimentState state) =>
        new("exp-1", Design(), state, "etag-1", Now.AddDays(-10), Now.AddDays(-10), null, null, null, null);

    public static Campaign Campaign() => new(
        "cmp-1", "exp-1", "variant-a", "Q3 outbound", Channel.Outbound,
        new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), new Money("USD", 12_500.50m), "etag", Now, Now);

    public static Enrolment Enrolment() => new("exp-1", "enr-0001", Account(), "variant-a", "cmp-1", Now.AddHours(-1));

    public static OutcomeEvent Converted() => new("out-0001", "acc-1", OutcomeKind.Converted, Now.AddHours(-2), new Money("EUR", 48_000m), 64);

    public static OutcomeEvent Lost() => new("out-0002", "acc-1", OutcomeKind.Lost, Now.AddHours(-2), null, null);
}
