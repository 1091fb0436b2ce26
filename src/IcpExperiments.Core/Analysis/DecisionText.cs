using System.Globalization;
using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Core.Analysis;

/// <summary>One-sentence reasons a growth team reads without a statistics course: the effect in the metric's own words, its interval, the call.</summary>
internal static class DecisionText
{
    public static string Name(Metric metric) => metric switch
    {
        Metric.Conversion => "conversion",
        Metric.CycleLength => "cycle length",
        Metric.Acv => "ACV",
        Metric.RevenuePerAccount => "revenue per account",
        _ => "CAC",
    };

    public static string Win(string variant, Metric metric, Effect relative, double level) =>
        $"{variant} {Change(metric, relative.Estimate)} ({Interval(relative, level)}), no guardrail harmed.";

    public static string Tradeoff(string variant, Metric metric, Effect relative, double level, IReadOnlyList<Metric> harmed, VariantResults results, ExperimentDesign design)
    {
        var first = harmed[0];
        var guardrail = results[first].Relative!;
        double tolerance = design.Guardrails.First(g => g.Metric == first).ToleratedRelativeHarm;
        string more = harmed.Count > 1 ? $" (and {harmed.Count - 1} more guardrail{(harmed.Count > 2 ? "s" : string.Empty)})" : string.Empty;
        return $"{variant} {Change(metric, relative.Estimate)} ({Interval(relative, level)}), but {Name(first)} {Moved(guardrail.Estimate)} "
            + $"({Interval(guardrail, level)}), beyond the {Percent(tolerance)} harm tolerated{more}.";
    }

    public static string Lose(string variant, Metric metric, Effect relative, double level) =>
        $"{variant} {Change(metric, relative.Estimate)} ({Interval(relative, level)}): keep control.";

    public static string Equivalent(string variant, Metric metric, Effect relative, double level, double mde) =>
        $"{variant} performs like control on {Name(metric)} ({Signed(relative.Estimate)}, {Interval(relative, level)}), "
        + $"within the ±{Percent(mde)} that would matter.";

    public static string Inconclusive(string variant, Metric metric, Effect relative, double level, PowerStatus power)
    {
        string needed = power.AccountsStillNeeded is > 0 and { } accounts
            ? $"; about {accounts.ToString("N0", CultureInfo.InvariantCulture)} more accounts"
              + (power.DaysStillNeeded is { } days ? $" (≈ {Math.Ceiling(days).ToString("N0", CultureInfo.InvariantCulture)} more days at the current pace)" : string.Empty)
              + " needed"
            : "; the planned sample is reached, so any remaining effect is smaller than the test can detect";
        return $"Not enough evidence yet: {variant} {Change(metric, relative.Estimate)} ({Interval(relative, level)}){needed}.";
    }

    public static string GuardrailWarning(IReadOnlyList<Metric> harmed) =>
        $" Careful: {string.Join(" and ", harmed.Select(Name))} {(harmed.Count > 1 ? "are" : "is")} harmed beyond tolerance.";

    public static string SampleRatioMismatch(SampleRatioResult srm) =>
        $"Arm sizes do not match the planned split (sample ratio mismatch, p = {srm.PValue!.Value.ToString("G2", CultureInfo.InvariantCulture)}): fix assignment before trusting any result.";

    public static string TooLittleData(string shortage) => $"Too little data to judge: {shortage}.";

    /// <summary>"converts 31% better", "closes deals 12% faster", … for a relative change of the metric.</summary>
    private static string Change(Metric metric, double relative)
    {
        bool up = relative >= 0;
        string size = Percent(Math.Abs(relative));
        return metric switch
        {
            Metric.Conversion => $"converts {size} {(up ? "better" : "worse")}",
            Metric.CycleLength => $"closes deals {size} {(up ? "slower" : "faster")}",
            Metric.Acv => $"wins deals {size} {(up ? "larger" : "smaller")}",
            Metric.RevenuePerAccount => $"brings {size} {(up ? "more" : "less")} revenue per account",
            _ => $"acquires customers {size} {(up ? "more expensively" : "cheaper")}",
        };
    }

    private static string Moved(double relative) => relative >= 0 ? $"rose {Percent(relative)}" : $"fell {Percent(-relative)}";

    private static string Interval(Effect relative, double level) =>
        $"{Percent(level)} CI {Signed(relative.Interval.Lower)} to {Signed(relative.Interval.Upper)}";

    private static string Signed(double fraction) => (fraction < 0 ? "−" : "+") + Percent(Math.Abs(fraction));

    /// <summary>A fraction as a percentage without the culture's spacing: 0.31 → "31%", 0.004 → "0.4%".</summary>
    internal static string Percent(double fraction) =>
        (fraction * 100).ToString(Math.Abs(fraction) < 0.095 ? "0.#" : "0", CultureInfo.InvariantCulture) + "%";
}
