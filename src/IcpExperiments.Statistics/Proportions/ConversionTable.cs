using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Statistics.Proportions;

/// <summary>
/// Validated 2×2 table of conversions: control (row 1) and variant (row 2), converted / not converted.
/// Construction enforces counts ≥ 0, trials &gt; 0 and successes ≤ trials.
/// </summary>
internal readonly record struct ConversionTable
{
    public ConversionTable(long controlSuccesses, long controlTrials, long variantSuccesses, long variantTrials)
    {
        Guard.Counts(controlSuccesses, controlTrials, nameof(controlSuccesses), nameof(controlTrials));
        Guard.Counts(variantSuccesses, variantTrials, nameof(variantSuccesses), nameof(variantTrials));
        ControlSuccesses = controlSuccesses;
        ControlTrials = controlTrials;
        VariantSuccesses = variantSuccesses;
        VariantTrials = variantTrials;
    }

    public long ControlSuccesses { get; }

    public long ControlTrials { get; }

    public long VariantSuccesses { get; }

    public long VariantTrials { get; }

    public long TotalSuccesses => ControlSuccesses + VariantSuccesses;

    public long Total => ControlTrials + VariantTrials;

    public long TotalFailures => Total - TotalSuccesses;

    public double ControlRate => (double)ControlSuccesses / ControlTrials;

    public double VariantRate => (double)VariantSuccesses / VariantTrials;

    /// <summary>Variant minus control conversion rate.</summary>
    public double Difference => VariantRate - ControlRate;

    /// <summary>ad − bc of the table, exact (128-bit) for any counts.</summary>
    public Int128 CrossProductDifference =>
        (Int128)VariantSuccesses * (ControlTrials - ControlSuccesses) - (Int128)ControlSuccesses * (VariantTrials - VariantSuccesses);

    /// <summary>Smallest expected cell count under independence.</summary>
    public double MinimumExpectedCount =>
        (double)Math.Min(ControlTrials, VariantTrials) * Math.Min(TotalSuccesses, TotalFailures) / Total;

    /// <summary>True when every account converted or none did, so the arms cannot differ.</summary>
    public bool HasNoVariation => TotalSuccesses == 0 || TotalFailures == 0;
}
