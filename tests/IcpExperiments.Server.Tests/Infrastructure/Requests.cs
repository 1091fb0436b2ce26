using Google.Protobuf.WellKnownTypes;
using IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Tests.Infrastructure;

/// <summary>Valid requests and resources to start from; each test changes only what it is about.</summary>
public static class Requests
{
    /// <summary>A unique resource id per call, so tests sharing a server never collide.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];

    public static ProfileVersion Version(int minimumEmployees) => new()
    {
        ChangeNote = $"employees from {minimumEmployees}",
        Criteria =
        {
            new Criterion { Attribute = "industry", Categorical = new CategoricalPredicate { Operator = CategoricalPredicate.Types.Operator.In, Values = { "saas", "fintech" } } },
            new Criterion { Attribute = "employee_count", NumericRange = new NumericRangePredicate { Min = minimumEmployees, Max = 1000 } },
        },
        Narrative = new ProfileNarrative { Goals = "Forecast pipeline", PainPoints = "Spreadsheets" },
        FitTiers = new FitTiers { Best = { new Criterion { Attribute = "employee_count", NumericRange = new NumericRangePredicate { Min = 500 } } } },
    };

    public static Experiment Experiment(string profileId) => new()
    {
        DisplayName = "Wider head-count",
        Hypothesis = "50-1000 employees convert as well as 200-1000.",
        Profile = $"profiles/{profileId}",
        Control = new Arm { Key = "control", ProfileVersion = 1, Allocation = 0.5 },
        Variants = { new Arm { Key = "wider", ProfileVersion = 2, Allocation = 0.5 } },
        PrimaryMetric = Metric.Conversion,
        Guardrails = { new Guardrail { Metric = Metric.Acv, ToleratedRelativeHarm = 0.1 } },
        MinimumDetectableEffect = 0.2,
    };

    public static Campaign Campaign(string armKey) => new()
    {
        ArmKey = armKey,
        DisplayName = $"{armKey} email",
        Channel = Channel.Email,
        StartDate = new Google.Type.Date { Year = 2026, Month = 1, Day = 5 },
        Spend = new Google.Type.Money { CurrencyCode = "USD", Units = 1000 },
    };

    public static AccountAttributes Attributes(long employees = 300) => new()
    {
        Industry = "saas",
        EmployeeCount = employees,
        Region = "north_america",
        AnnualRevenue = 2e7,
        FundingStage = "series_b",
        TechStack = { "salesforce" },
        Extra = { ["uses_salesforce"] = "true" },
    };

    public static Enrolment Enrolment(string accountId, string armKey, DateTimeOffset enrolledAt) => new()
    {
        AccountId = accountId,
        ArmKey = armKey,
        EventId = $"enrol-{accountId}",
        Attributes = Attributes(),
        EnrolTime = Timestamp.FromDateTimeOffset(enrolledAt),
    };

    public static Outcome Converted(string accountId, DateTimeOffset at, long acvUnits) => new()
    {
        AccountId = accountId,
        EventId = $"won-{accountId}",
        Converted = new Conversion { ConvertTime = Timestamp.FromDateTimeOffset(at), Acv = new Google.Type.Money { CurrencyCode = "USD", Units = acvUnits } },
    };

    public static Outcome Lost(string accountId, DateTimeOffset at) => new()
    {
        AccountId = accountId,
        EventId = $"lost-{accountId}",
        Lost = new Loss { LoseTime = Timestamp.FromDateTimeOffset(at) },
    };
}
