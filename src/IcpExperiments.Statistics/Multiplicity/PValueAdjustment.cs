namespace IcpExperiments.Statistics.Multiplicity;

/// <summary>
/// Multiplicity-adjusted p-values: Holm (family-wise error, the default across arms and metrics) and
/// Benjamini–Hochberg (false discovery rate, for exploratory segment scans). Results are ≥ the raw p-values,
/// capped at 1, and monotone in the raw order. Match R's p.adjust("holm" / "BH") and statsmodels multipletests.
/// NaN policy (as R's p.adjust with NA): a NaN input — a test that was not computable — stays NaN in its slot and
/// does not count towards the family size.
/// </summary>
public static class PValueAdjustment
{
    /// <summary>Holm step-down adjusted p-values, in input order. Each p in [0, 1] or NaN.</summary>
    public static double[] Holm(ReadOnlySpan<double> pValues)
    {
        var (order, adjusted) = Prepare(pValues);
        int m = order.Length;
        double running = 0;
        for (int rank = 0; rank < m; rank++)
        {
            // Step down from the smallest p: multiply by the number of hypotheses not yet rejected, keep monotone.
            int index = order[rank];
            running = Math.Max(running, Math.Min(1.0, (m - rank) * pValues[index]));
            adjusted[index] = running;
        }

        return adjusted;
    }

    /// <summary>Benjamini–Hochberg step-up adjusted p-values (q-values), in input order. Each p in [0, 1] or NaN.</summary>
    public static double[] BenjaminiHochberg(ReadOnlySpan<double> pValues)
    {
        var (order, adjusted) = Prepare(pValues);
        int m = order.Length;
        double running = 1.0;
        for (int rank = m - 1; rank >= 0; rank--)
        {
            // Step up from the largest p: m/(rank+1)·p, then the running minimum keeps the order.
            int index = order[rank];
            running = Math.Min(running, Math.Min(1.0, (double)m / (rank + 1) * pValues[index]));
            adjusted[index] = running;
        }

        return adjusted;
    }

    // Validates, fills NaN slots, and returns the indices of the non-NaN p-values sorted by p (stable).
    private static (int[] Order, double[] Adjusted) Prepare(ReadOnlySpan<double> pValues)
    {
        var adjusted = new double[pValues.Length];
        var order = new List<int>(pValues.Length);
        var keys = new List<double>(pValues.Length);
        for (int i = 0; i < pValues.Length; i++)
        {
            double p = pValues[i];
            if (double.IsNaN(p)) { adjusted[i] = double.NaN; continue; }
            if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(pValues), p, $"pValues[{i}] must be in [0, 1] or NaN.");
            order.Add(i);
            keys.Add(p);
        }

        int[] sorted = order.ToArray();
        Array.Sort(keys.ToArray(), sorted); // ties keep any order: adjusted values of tied p are equal either way
        return (sorted, adjusted);
    }
}
