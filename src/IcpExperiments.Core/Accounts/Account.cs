namespace IcpExperiments.Core.Accounts;

/// <summary>An account (a company) identified by the team's own CRM id, with its attributes.</summary>
public sealed record Account(string AccountId, AccountAttributes Attributes);
