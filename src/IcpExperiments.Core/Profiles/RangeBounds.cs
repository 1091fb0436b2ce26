namespace IcpExperiments.Core.Profiles;

/// <summary>Membership and containment of ranges with open ends (null) and inclusive or exclusive bounds, over the reals.</summary>
internal static class RangeBounds
{
    public static bool Contains(RangeCriterion range, double value)
    {
        if (range.Min is { } min && (value < min || (value == min && !range.MinInclusive))) return false;
        if (range.Max is { } max && (value > max || (value == max && !range.MaxInclusive))) return false;
        return true;
    }

    /// <summary>
    /// True when every value in <paramref name="inner"/> is in <paramref name="outer"/>. Values are treated as reals, so
    /// [50, 500] and (49, 500] differ even though employee counts are whole numbers.
    /// </summary>
    public static bool IsSubset(RangeCriterion inner, RangeCriterion outer) =>
        LowerAdmits(outer, inner) && UpperAdmits(outer, inner);

    private static bool LowerAdmits(RangeCriterion outer, RangeCriterion inner)
    {
        if (outer.Min is not { } outerMin) return true;
        if (inner.Min is not { } innerMin) return false;
        if (innerMin != outerMin) return innerMin > outerMin;
        return outer.MinInclusive || !inner.MinInclusive;
    }

    private static bool UpperAdmits(RangeCriterion outer, RangeCriterion inner)
    {
        if (outer.Max is not { } outerMax) return true;
        if (inner.Max is not { } innerMax) return false;
        if (innerMax != outerMax) return innerMax < outerMax;
        return outer.MaxInclusive || !inner.MaxInclusive;
    }
}
