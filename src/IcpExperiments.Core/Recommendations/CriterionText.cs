using System.Globalization;
using IcpExperiments.Core.Profiles;

namespace IcpExperiments.Core.Recommendations;

/// <summary>
/// Canonical, readable text of criteria and changes ("industry IN {fintech, saas}", "50 ≤ employee_count ≤ 500").
/// Categorical values are normalised and sorted and numbers printed round-trip, so equal criteria give equal text:
/// the ledger uses it as the key of "the same change".
/// </summary>
public static class CriterionText
{
    public static string Describe(Criterion? criterion) => criterion switch
    {
        null => "no criterion",
        CategoricalCriterion c => $"{c.Attribute} {(c.Operator == CategoricalOperator.In ? "IN" : "NOT IN")} {{{string.Join(", ", CategoricalValues.Of(c).Order(StringComparer.Ordinal))}}}",
        RangeCriterion r => Range(r),
        BooleanCriterion b => $"{b.Attribute} = {(b.Expected ? "true" : "false")}",
        _ => criterion.ToString()!,
    };

    public static string Describe(CriterionChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return $"{Describe(change.Before)} → {Describe(change.After)}";
    }

    private static string Range(RangeCriterion r)
    {
        string lower = r.Min is { } min ? $"{Number(min)} {(r.MinInclusive ? "≤" : "<")} " : string.Empty;
        string upper = r.Max is { } max ? $" {(r.MaxInclusive ? "≤" : "<")} {Number(max)}" : string.Empty;
        return r.Min is null && r.Max is null ? $"{r.Attribute} any value" : lower + r.Attribute + upper;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
