using IcpExperiments.Statistics.Common;
using IcpExperiments.Statistics.Distributions;

namespace IcpExperiments.Statistics.Proportions;

/// <summary>
/// Fisher's exact test, two-sided as R's fisher.test defines it: the total probability of the tables (margins fixed)
/// no more likely than the observed one, with R's relative tolerance 1 + 1e-7 for ties. Hypergeometric terms come
/// from a log-space saddle point, and only the tails are summed, so counts of millions cost O(√N) work.
/// Matches R fisher.test (and scipy.stats.fisher_exact where SciPy's looser 1e-4 tie tolerance gives the same tables).
/// </summary>
public static class FisherExactTest
{
    public const string Method = "Fisher's exact test (two-sided)";
    private const double RelativeTolerance = 1 + 1e-7;

    /// <summary>
    /// p-value for control vs variant conversion (always computable: with no variation it is 1). Statistic = sample
    /// odds ratio variant vs control as scipy reports it (∞ when the control odds are 0; NaN, with a note, when both
    /// are). Estimate = variant − control rate with a Newcombe interval at 1 − alpha.
    /// </summary>
    public static TestResult Run(long controlSuccesses, long controlTrials, long variantSuccesses, long variantTrials, double alpha = 0.05)
    {
        var table = new ConversionTable(controlSuccesses, controlTrials, variantSuccesses, variantTrials);
        Guard.Alpha(alpha);
        return Run(table, alpha);
    }

    internal static TestResult Run(ConversionTable table, double alpha)
    {
        double oddsRatio = OddsRatio(table);
        string statisticNote = double.IsNaN(oddsRatio) ? "statistic: sample odds ratio undefined (0/0)" : "statistic: sample odds ratio";
        return new(Method, oddsRatio, PValue(table), table.Difference, NewcombeInterval.Difference(table, alpha), null,
            [statisticNote, "interval: Newcombe hybrid score"]);
    }

    internal static double PValue(ConversionTable table)
    {
        // Count k = control successes ~ Hypergeometric(control trials, variant trials, total successes).
        long r = table.ControlTrials, b = table.VariantTrials, draws = table.TotalSuccesses;
        long lo = Math.Max(0, draws - b), hi = Math.Min(draws, r);
        if (lo == hi) return 1.0;
        double LogP(long k) => Hypergeometric.LogPmf(k, r, b, draws);
        double threshold = LogP(table.ControlSuccesses) + Math.Log(RelativeTolerance);

        long mode = Math.Clamp((long)((draws + 1.0) * (r + 1.0) / (r + b + 2.0)), lo, hi);
        // Tables at most as likely as the observed form [lo, lower] ∪ [upper, hi] around the mode (unimodal pmf).
        long lower = LastAtOrBelow(lo, mode, k => LogP(k) <= threshold, ascending: true);
        long upper = LastAtOrBelow(hi, mode, k => LogP(k) <= threshold, ascending: false);
        double p = SumOutward(lower, lo, -1, LogP) + SumOutward(upper, hi, +1, LogP);
        return Math.Min(1.0, p);
    }

    // Binary search between an end of the support (where the pmf is smallest) and the mode for the innermost k
    // still satisfying the predicate; returns a value beyond the end when none does.
    private static long LastAtOrBelow(long end, long mode, Func<long, bool> isSmall, bool ascending)
    {
        long step = ascending ? -1 : 1;
        if (!isSmall(end)) return end + step;
        long outer = end, inner = mode; // invariant: isSmall(outer); inner is mode or a failing point
        if (isSmall(inner)) return inner;
        while (Math.Abs(inner - outer) > 1)
        {
            long middle = outer + (inner - outer) / 2;
            if (isSmall(middle)) outer = middle; else inner = middle;
        }

        return outer;
    }

    // Sums pmf from start outward to end; terms shrink monotonically, so stop once they no longer matter.
    private static double SumOutward(long start, long end, int direction, Func<long, double> logP)
    {
        double sum = 0;
        for (long k = start; direction < 0 ? k >= end : k <= end; k += direction)
        {
            double term = Math.Exp(logP(k));
            sum += term;
            if (term <= sum * 1e-17) break;
        }

        return sum;
    }

    private static double OddsRatio(ConversionTable t)
    {
        double variantOdds = (double)t.VariantSuccesses * (t.ControlTrials - t.ControlSuccesses);
        double controlOdds = (double)t.ControlSuccesses * (t.VariantTrials - t.VariantSuccesses);
        return controlOdds == 0 ? (variantOdds == 0 ? double.NaN : double.PositiveInfinity) : variantOdds / controlOdds;
    }
}
