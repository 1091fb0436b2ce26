namespace IcpExperiments.Core.Accounts;

/// <summary>
/// An account's attributes as they were when it was enrolled. Well-known attributes are typed; anything else a CRM
/// exports goes into <see cref="Extra"/> (lower_snake keys; numeric and "true"/"false" strings are usable by range and
/// boolean criteria). Criteria address well-known attributes by their lower_snake names: <c>industry</c>,
/// <c>employee_count</c>, <c>region</c>, <c>annual_revenue</c>, <c>funding_stage</c>, <c>tech_stack</c>.
/// </summary>
public sealed record AccountAttributes(
    string? Industry,
    long? EmployeeCount,
    string? Region,
    double? AnnualRevenue,
    string? FundingStage,
    IReadOnlyList<string> TechStack,
    IReadOnlyDictionary<string, string> Extra)
{
    public static AccountAttributes Empty { get; } = new(null, null, null, null, null, [], new Dictionary<string, string>());
}
