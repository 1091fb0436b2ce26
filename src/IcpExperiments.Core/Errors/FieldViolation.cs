namespace IcpExperiments.Core.Errors;

/// <summary>One invalid field of a request: the field path (lower_snake, dotted, e.g. <c>arms[1].allocation</c>) and why.</summary>
public sealed record FieldViolation(string Field, string Description);
