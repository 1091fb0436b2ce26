using IcpExperiments.Core.Profiles;
using IcpExperiments.Server.Validation;
using V1 = IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Mapping;

/// <summary>Typed criteria between the contract (a oneof of predicates) and the domain (a record per kind).</summary>
public static class CriterionMapping
{
    /// <summary>Maps a list of criteria; entries with proto-level problems are left out after recording violations.</summary>
    public static IReadOnlyList<Criterion> ToDomain(IEnumerable<V1.Criterion> criteria, string field, RequestValidation validation)
    {
        var mapped = new List<Criterion>();
        var index = 0;
        foreach (var criterion in criteria)
        {
            if (ToDomain(criterion, $"{field}[{index}]", validation) is { } domain) mapped.Add(domain);
            index++;
        }

        return mapped;
    }

    public static Criterion? ToDomain(V1.Criterion criterion, string field, RequestValidation validation)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        validation.Required(criterion.Attribute, $"{field}.attribute");
        switch (criterion.PredicateCase)
        {
            case V1.Criterion.PredicateOneofCase.Categorical:
                var categorical = criterion.Categorical;
                if (!validation.Specified(categorical.Operator, $"{field}.categorical.operator")) return null;
                var op = categorical.Operator == V1.CategoricalPredicate.Types.Operator.In ? CategoricalOperator.In : CategoricalOperator.NotIn;
                return new CategoricalCriterion(criterion.Attribute, op, categorical.Values.ToList());
            case V1.Criterion.PredicateOneofCase.NumericRange:
                var range = criterion.NumericRange;
                var finite = (!range.HasMin || validation.Finite(range.Min, $"{field}.numeric_range.min"))
                    & (!range.HasMax || validation.Finite(range.Max, $"{field}.numeric_range.max"));
                if (!finite) return null;
                return new RangeCriterion(
                    criterion.Attribute,
                    range.HasMin ? range.Min : null,
                    range.HasMax ? range.Max : null,
                    MinInclusive: !range.MinExclusive,
                    MaxInclusive: !range.MaxExclusive);
            case V1.Criterion.PredicateOneofCase.Boolean:
                return new BooleanCriterion(criterion.Attribute, criterion.Boolean.Value);
            default:
                validation.Add(field, "exactly one predicate (categorical, numeric_range or boolean) must be set.");
                return null;
        }
    }

    public static V1.Criterion ToProto(Criterion criterion)
    {
        var proto = new V1.Criterion { Attribute = criterion.Attribute };
        switch (criterion)
        {
            case CategoricalCriterion categorical:
                proto.Categorical = new V1.CategoricalPredicate
                {
                    Operator = categorical.Operator == CategoricalOperator.In
                        ? V1.CategoricalPredicate.Types.Operator.In
                        : V1.CategoricalPredicate.Types.Operator.NotIn,
                };
                proto.Categorical.Values.AddRange(categorical.Values);
                break;
            case RangeCriterion range:
                proto.NumericRange = new V1.NumericRangePredicate { MinExclusive = !range.MinInclusive, MaxExclusive = !range.MaxInclusive };
                if (range.Min is { } min) proto.NumericRange.Min = min;
                if (range.Max is { } max) proto.NumericRange.Max = max;
                break;
            case BooleanCriterion boolean:
                proto.Boolean = new V1.BooleanPredicate { Value = boolean.Expected };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(criterion), criterion.GetType().Name, "Unknown criterion kind.");
        }

        return proto;
    }
}
