namespace IcpExperiments.Core.Profiles;

/// <summary><c>employee_count BETWEEN 50 AND 500</c>; either end may be open (null). Bounds are inclusive unless flagged.</summary>
public sealed record RangeCriterion(string Attribute, double? Min, double? Max, bool MinInclusive = true, bool MaxInclusive = true) : Criterion(Attribute);
