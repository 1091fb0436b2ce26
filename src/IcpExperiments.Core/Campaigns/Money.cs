namespace IcpExperiments.Core.Campaigns;

/// <summary>An amount in an ISO 4217 currency (three upper-case letters). Amounts are exact decimals, never negative here.</summary>
public readonly record struct Money(string CurrencyCode, decimal Amount);
