using IcpExperiments.Server.Validation;
using DomainAttributes = IcpExperiments.Core.Accounts.AccountAttributes;
using V1 = IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Mapping;

/// <summary>Account attributes between the contract and the domain (empty strings mean "unknown").</summary>
public static class AccountMapping
{
    public static DomainAttributes ToDomain(V1.AccountAttributes? attributes, string field, RequestValidation validation)
    {
        if (!validation.Required(attributes, field)) return DomainAttributes.Empty;
        if (attributes!.HasAnnualRevenue) validation.Finite(attributes.AnnualRevenue, $"{field}.annual_revenue");
        return new DomainAttributes(
            NullIfEmpty(attributes.Industry),
            attributes.HasEmployeeCount ? attributes.EmployeeCount : null,
            NullIfEmpty(attributes.Region),
            attributes.HasAnnualRevenue ? attributes.AnnualRevenue : null,
            NullIfEmpty(attributes.FundingStage),
            attributes.TechStack.ToList(),
            new Dictionary<string, string>(attributes.Extra, StringComparer.Ordinal));
    }

    public static V1.AccountAttributes ToProto(DomainAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var proto = new V1.AccountAttributes
        {
            Industry = attributes.Industry ?? string.Empty,
            Region = attributes.Region ?? string.Empty,
            FundingStage = attributes.FundingStage ?? string.Empty,
        };
        if (attributes.EmployeeCount is { } employees) proto.EmployeeCount = employees;
        if (attributes.AnnualRevenue is { } revenue) proto.AnnualRevenue = revenue;
        proto.TechStack.AddRange(attributes.TechStack);
        foreach (var (key, value) in attributes.Extra) proto.Extra.Add(key, value);
        return proto;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
