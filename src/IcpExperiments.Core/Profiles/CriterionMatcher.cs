using IcpExperiments.Core.Accounts;

namespace IcpExperiments.Core.Profiles;

/// <summary>Evaluates one criterion against an account's attributes. A missing attribute never matches (not even NOT IN).</summary>
public static class CriterionMatcher
{
    public static bool Matches(Criterion criterion, AccountAttributes attributes) => criterion switch
    {
        CategoricalCriterion categorical => MatchesCategorical(categorical, AttributeReader.Texts(attributes, categorical.Attribute)),
        RangeCriterion range => AttributeReader.Number(attributes, range.Attribute) is { } number && RangeBounds.Contains(range, number),
        BooleanCriterion boolean => AttributeReader.Boolean(attributes, boolean.Attribute) == boolean.Expected,
        _ => false,
    };

    private static bool MatchesCategorical(CategoricalCriterion criterion, IReadOnlyList<string>? accountValues)
    {
        if (accountValues is null) return false;
        var values = CategoricalValues.Of(criterion);
        var overlaps = accountValues.Any(values.Contains);
        return criterion.Operator switch
        {
            CategoricalOperator.In => overlaps,
            CategoricalOperator.NotIn => !overlaps,
            _ => false,
        };
    }
}
