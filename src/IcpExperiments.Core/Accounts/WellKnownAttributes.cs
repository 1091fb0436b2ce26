namespace IcpExperiments.Core.Accounts;

/// <summary>The typed attributes of <see cref="AccountAttributes"/> by their lower_snake names; anything else lives in Extra.</summary>
public static class WellKnownAttributes
{
    public const string Industry = "industry";
    public const string EmployeeCount = "employee_count";
    public const string Region = "region";
    public const string AnnualRevenue = "annual_revenue";
    public const string FundingStage = "funding_stage";
    public const string TechStack = "tech_stack";

    private static readonly Dictionary<string, AttributeKind> Kinds = new(StringComparer.Ordinal)
    {
        [Industry] = AttributeKind.Text,
        [EmployeeCount] = AttributeKind.Number,
        [Region] = AttributeKind.Text,
        [AnnualRevenue] = AttributeKind.Number,
        [FundingStage] = AttributeKind.Text,
        [TechStack] = AttributeKind.TextList,
    };

    /// <summary>The kind of a well-known attribute; null for Extra attributes (untyped strings).</summary>
    public static AttributeKind? KindOf(string attribute) => Kinds.TryGetValue(attribute, out var kind) ? kind : null;

    /// <summary>True when an account may carry several values of the attribute (only the tech stack).</summary>
    public static bool IsMultiValued(string attribute) => KindOf(attribute) == AttributeKind.TextList;
}
