using System.Globalization;
using IcpExperiments.Core.Accounts;

namespace IcpExperiments.Core.Analysis.Segments;

/// <summary>
/// The segment value of an account for one attribute. Text attributes use their normalised value (trimmed, lower
/// case); head count and revenue fall into fixed bands, named by their range: employees 1-49, 50-199, 200-999,
/// 1000-4999, 5000+; annual revenue (currency units) &lt;1M, 1M-10M, 10M-100M, 100M-1B, 1B+. Missing reads as null.
/// </summary>
public static class SegmentBands
{
    /// <summary>The attributes a segment breakdown can group by, in report order (the tech stack is multi-valued: not one).</summary>
    public static IReadOnlyList<string> Attributes { get; } =
    [
        WellKnownAttributes.Industry, WellKnownAttributes.EmployeeCount, WellKnownAttributes.Region,
        WellKnownAttributes.AnnualRevenue, WellKnownAttributes.FundingStage,
    ];

    private static readonly (double Lower, string Label)[] EmployeeBands =
        [(5000, "5000+"), (1000, "1000-4999"), (200, "200-999"), (50, "50-199"), (double.MinValue, "1-49")];

    private static readonly (double Lower, string Label)[] RevenueBands =
        [(1e9, "1B+"), (1e8, "100M-1B"), (1e7, "10M-100M"), (1e6, "1M-10M"), (double.MinValue, "<1M")];

    public static bool IsSupported(string attribute) => Attributes.Contains(attribute, StringComparer.Ordinal);

    public static string? ValueOf(AccountAttributes attributes, string attribute)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return attribute switch
        {
            WellKnownAttributes.EmployeeCount => Band(AttributeReader.Number(attributes, attribute), EmployeeBands),
            WellKnownAttributes.AnnualRevenue => Band(AttributeReader.Number(attributes, attribute), RevenueBands),
            _ when IsSupported(attribute) => AttributeReader.Texts(attributes, attribute)?[0],
            _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{attribute}' is not a segment attribute."), nameof(attribute)),
        };
    }

    private static string? Band(double? value, (double Lower, string Label)[] bands) =>
        value is { } v ? bands.First(b => v >= b.Lower).Label : null;
}
