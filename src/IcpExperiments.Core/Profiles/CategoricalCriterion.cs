namespace IcpExperiments.Core.Profiles;

/// <summary><c>industry IN {saas, fintech}</c>. Values are compared case-insensitively after trimming.</summary>
public sealed record CategoricalCriterion(string Attribute, CategoricalOperator Operator, IReadOnlyList<string> Values) : Criterion(Attribute);
