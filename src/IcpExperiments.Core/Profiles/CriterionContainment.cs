using IcpExperiments.Core.Accounts;

namespace IcpExperiments.Core.Profiles;

/// <summary>
/// Decides, without looking at any account, whether every account one criterion matches is also matched by another.
/// It answers true only when that is provable; anything else (different types, disjointness that cannot be shown)
/// answers false, which classes a change as Mixed.
/// </summary>
public static class CriterionContainment
{
    /// <summary>True when every account matched by <paramref name="inner"/> is matched by <paramref name="outer"/>.</summary>
    public static bool IsSubset(Criterion inner, Criterion outer) => (inner, outer) switch
    {
        (CategoricalCriterion i, CategoricalCriterion o) => IsCategoricalSubset(i, o),
        (RangeCriterion i, RangeCriterion o) => RangeBounds.IsSubset(i, o),
        (BooleanCriterion i, BooleanCriterion o) => i.Expected == o.Expected,
        _ => false,
    };

    private static bool IsCategoricalSubset(CategoricalCriterion inner, CategoricalCriterion outer)
    {
        var innerValues = CategoricalValues.Of(inner);
        var outerValues = CategoricalValues.Of(outer);
        return (inner.Operator, outer.Operator) switch
        {
            (CategoricalOperator.In, CategoricalOperator.In) => innerValues.IsSubsetOf(outerValues),
            (CategoricalOperator.NotIn, CategoricalOperator.NotIn) => outerValues.IsSubsetOf(innerValues),

            // A single value in S is outside T when S and T are disjoint; a tech stack can hold values of both.
            (CategoricalOperator.In, CategoricalOperator.NotIn) =>
                !WellKnownAttributes.IsMultiValued(inner.Attribute) && !innerValues.Overlaps(outerValues),

            // "Not in S" admits unlisted values, which no finite IN set contains.
            _ => false,
        };
    }
}
