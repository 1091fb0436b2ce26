using IcpExperiments.Core.Errors;

namespace IcpExperiments.Core.Campaigns;

/// <summary>Rules of an amount of money (spend, ACV): ISO 4217 shaped currency, non-negative, bounded, at most 4 decimals.</summary>
public static class MoneyRules
{
    public const decimal MaxAmount = 1_000_000_000_000m;
    public const int MaxDecimals = 4;

    /// <summary>Violations under <c>{field}.currency_code</c> and <c>{field}.amount</c>.</summary>
    public static IEnumerable<FieldViolation> Validate(Money money, string field)
    {
        if (!IsCurrencyCode(money.CurrencyCode))
            yield return new FieldViolation($"{field}.currency_code", "must be an ISO 4217 code: three upper-case letters, e.g. USD.");
        if (money.Amount < 0) yield return new FieldViolation($"{field}.amount", "must not be negative.");
        if (money.Amount > MaxAmount) yield return new FieldViolation($"{field}.amount", $"must be at most {MaxAmount:0}.");
        if (decimal.Round(money.Amount, MaxDecimals) != money.Amount)
            yield return new FieldViolation($"{field}.amount", $"must have at most {MaxDecimals} decimal places.");
    }

    /// <summary>Shape only (three upper-case ASCII letters): the list of codes changes, and the client's CRM is the authority.</summary>
    public static bool IsCurrencyCode(string? code) => code is { Length: 3 } && !code.AsSpan().ContainsAnyExceptInRange('A', 'Z');
}
