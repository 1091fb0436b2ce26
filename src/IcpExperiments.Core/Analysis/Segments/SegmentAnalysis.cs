using System.Globalization;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Statistics.Multiplicity;
using IcpExperiments.Statistics.Proportions;

namespace IcpExperiments.Core.Analysis.Segments;

/// <summary>
/// Exploratory conversion and ACV by attribute value. Accounts count and convert exactly as in the results
/// (<see cref="ObservationRules"/>: enrolled by as-of, won within the window). Each large-enough segment compares every
/// variant with control (<see cref="ConversionTest"/>: z-test, or Fisher on small cells); the p-values are
/// Benjamini-Hochberg adjusted across all comparisons of the report. Accounts missing the attribute are left out of it.
/// </summary>
public static class SegmentAnalysis
{
    public const int DefaultMinAccounts = 30;

    public const string ExploratoryNote =
        "Exploratory, not decision-grade: segments were not pre-registered and many comparisons are made, so some " +
        "'significant' differences are expected by chance even after the Benjamini-Hochberg adjustment. Use them to " +
        "choose the next experiment, not to decide this one.";

    public static SegmentReport Analyze(
        ExperimentDesign design, DateTimeOffset asOf, IEnumerable<SegmentedAccount> accounts, IReadOnlyList<string> attributes, int minAccounts)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentOutOfRangeException.ThrowIfLessThan(minAccounts, 1);
        var counted = Classify(design, asOf, accounts);

        var rows = new List<SegmentRow>();
        foreach (var attribute in attributes)
        {
            var groups = counted
                .Select(a => (Value: SegmentBands.ValueOf(a.Attributes, attribute), Account: a))
                .Where(g => g.Value is not null)
                .GroupBy(g => g.Value!, g => g.Account, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var group in groups) rows.Add(Row(design, attribute, group.Key, [.. group], minAccounts));
        }

        return Adjusted(asOf, minAccounts, rows);
    }

    private static List<CountedAccount> Classify(ExperimentDesign design, DateTimeOffset asOf, IEnumerable<SegmentedAccount> accounts)
    {
        var counted = new List<CountedAccount>();
        foreach (var account in accounts)
        {
            if (ObservationRules.Classify(account.Observation, asOf, design.ObservationWindowDays) is not { } seen) continue;
            bool converted = seen.Status == AccountStatus.Converted;
            double? acv = converted && account.Observation.Acv is { } amount ? (double)amount : null;
            counted.Add(new CountedAccount(account.ArmKey, account.Attributes, converted, acv));
        }

        return counted;
    }

    private static SegmentRow Row(ExperimentDesign design, string attribute, string value, List<CountedAccount> accounts, int minAccounts)
    {
        var arms = design.Arms.Select(arm => Arm(arm.Key, accounts.Where(a => string.Equals(a.ArmKey, arm.Key, StringComparison.Ordinal)).ToList())).ToList();
        bool tooSmall = accounts.Count < minAccounts;
        var comparisons = new List<SegmentComparison>();
        var control = arms[0];
        foreach (var variant in tooSmall ? [] : arms.Skip(1))
        {
            if (control.Accounts == 0 || variant.Accounts == 0) continue;
            var test = ConversionTest.Run(control.Converted, control.Accounts, variant.Converted, variant.Accounts, design.Alpha);
            if (!test.IsComputable) continue;
            comparisons.Add(new SegmentComparison(
                variant.ArmKey, test.Method, test.Estimate, test.ConfidenceInterval.Lower, test.ConfidenceInterval.Upper, test.PValue, double.NaN));
        }

        return new SegmentRow(attribute, value, accounts.Count, tooSmall, arms, comparisons);
    }

    private static SegmentArm Arm(string key, List<CountedAccount> accounts)
    {
        int converted = accounts.Count(a => a.Converted);
        var acvs = accounts.Where(a => a.Acv is not null).Select(a => a.Acv!.Value).ToList();
        double rate = accounts.Count == 0 ? 0.0 : (double)converted / accounts.Count;
        return new SegmentArm(key, accounts.Count, converted, rate, acvs.Count == 0 ? null : acvs.Average());
    }

    private static SegmentReport Adjusted(DateTimeOffset asOf, int minAccounts, List<SegmentRow> rows)
    {
        var raw = rows.SelectMany(r => r.Comparisons).Select(c => c.PValue).ToArray();
        var adjusted = PValueAdjustment.BenjaminiHochberg(raw);
        int next = 0;
        var result = rows
            .Select(r => r with { Comparisons = [.. r.Comparisons.Select(c => c with { AdjustedPValue = adjusted[next++] })] })
            .ToList();
        string note = string.Create(CultureInfo.InvariantCulture, $"{ExploratoryNote} {raw.Length} comparisons adjusted together.");
        return new SegmentReport(asOf, minAccounts, result, raw.Length, note);
    }

    private sealed record CountedAccount(string ArmKey, Accounts.AccountAttributes Attributes, bool Converted, double? Acv);
}
