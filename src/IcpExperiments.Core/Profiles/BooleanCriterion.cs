namespace IcpExperiments.Core.Profiles;

/// <summary><c>uses_salesforce = true</c>: a flag attribute must have the expected value.</summary>
public sealed record BooleanCriterion(string Attribute, bool Expected) : Criterion(Attribute);
