using IcpExperiments.Core.Accounts;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Errors;

namespace IcpExperiments.Core.Profiles;

/// <summary>Rules of a list of criteria (the version's, or one fit tier's): each criterion well-formed, one per attribute.</summary>
internal static class CriterionValidator
{
    public const int MaxCriteria = 100;
    public const int MaxValues = 200;
    public const int MaxValueLength = TextRules.MaxNameLength;

    public static void ValidateList(IReadOnlyList<Criterion> criteria, string path, List<FieldViolation> violations)
    {
        if (criteria.Count > MaxCriteria)
            violations.Add(new FieldViolation(path, $"must hold at most {MaxCriteria} criteria (got {criteria.Count})."));
        var firstIndexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < criteria.Count; i++)
        {
            var criterion = criteria[i];
            var itemPath = $"{path}[{i}]";
            Validate(criterion, itemPath, violations);
            if (criterion is null) continue;
            if (firstIndexOf.TryGetValue(criterion.Attribute, out var first))
                violations.Add(new FieldViolation($"{itemPath}.attribute", $"'{criterion.Attribute}' already has a criterion at {path}[{first}]: at most one criterion per attribute."));
            else
                firstIndexOf[criterion.Attribute] = i;
        }
    }

    private static void Validate(Criterion? criterion, string path, List<FieldViolation> violations)
    {
        if (criterion is null)
        {
            violations.Add(new FieldViolation(path, "must be a categorical, range or boolean criterion."));
            return;
        }

        if (AttributeNames.Describe(criterion.Attribute) is { } problem)
            violations.Add(new FieldViolation($"{path}.attribute", problem));
        if (KindMismatch(criterion) is { } mismatch)
            violations.Add(new FieldViolation(path, mismatch));
        switch (criterion)
        {
            case CategoricalCriterion categorical:
                ValidateCategorical(categorical, path, violations);
                break;
            case RangeCriterion range:
                ValidateRange(range, path, violations);
                break;
        }
    }

    // A criterion of the wrong type on a typed attribute could never match: reject it instead of scoring everyone out.
    private static string? KindMismatch(Criterion criterion) => (WellKnownAttributes.KindOf(criterion.Attribute), criterion) switch
    {
        (AttributeKind.Text or AttributeKind.TextList, not CategoricalCriterion) => $"'{criterion.Attribute}' is text: use a categorical criterion.",
        (AttributeKind.Number, not RangeCriterion) => $"'{criterion.Attribute}' is a number: use a range criterion.",
        _ => null,
    };

    private static void ValidateCategorical(CategoricalCriterion criterion, string path, List<FieldViolation> violations)
    {
        if (!Enum.IsDefined(criterion.Operator))
            violations.Add(new FieldViolation($"{path}.operator", "must be IN or NOT_IN."));
        var values = criterion.Values;
        if (values.Count == 0) violations.Add(new FieldViolation($"{path}.values", "must hold at least one value."));
        if (values.Count > MaxValues) violations.Add(new FieldViolation($"{path}.values", $"must hold at most {MaxValues} values (got {values.Count})."));
        var firstIndexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < values.Count; k++)
        {
            var problem = DescribeValue(values[k]);
            if (problem is null && !firstIndexOf.TryAdd(AttributeReader.NormalizeText(values[k]), k))
                problem = $"duplicates values[{firstIndexOf[AttributeReader.NormalizeText(values[k])]}] (values compare case-insensitively).";
            if (problem is not null) violations.Add(new FieldViolation($"{path}.values[{k}]", problem));
        }
    }

    private static string? DescribeValue(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "must not be empty.";
        if (value.Length != value.Trim().Length) return "must not start or end with whitespace.";
        if (value.Length > MaxValueLength) return $"must be at most {MaxValueLength} characters (got {value.Length}).";
        return value.Any(char.IsControl) ? "must not contain control characters." : null;
    }

    private static void ValidateRange(RangeCriterion range, string path, List<FieldViolation> violations)
    {
        if (range.Min is null && range.Max is null)
            violations.Add(new FieldViolation(path, "must have a min, a max or both."));
        if (range.Min is { } min && !double.IsFinite(min)) violations.Add(new FieldViolation($"{path}.min", "must be a finite number (leave it unset for an open end)."));
        if (range.Max is { } max && !double.IsFinite(max)) violations.Add(new FieldViolation($"{path}.max", "must be a finite number (leave it unset for an open end)."));
        if (range is { Min: { } lo, Max: { } hi } && double.IsFinite(lo) && double.IsFinite(hi))
        {
            var exclusive = !range.MinInclusive || !range.MaxInclusive;
            if (lo > hi || (exclusive && lo == hi))
                violations.Add(new FieldViolation($"{path}.max", exclusive ? $"must be greater than min ({lo}) when an end is exclusive." : $"must not be less than min ({lo})."));
        }
    }
}
