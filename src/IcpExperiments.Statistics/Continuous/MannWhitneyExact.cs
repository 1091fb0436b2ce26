namespace IcpExperiments.Statistics.Continuous;

/// <summary>
/// Exact null distribution of the Mann–Whitney U for sizes m, n without ties, by the recursion
/// F(u; m, n) = F(u − n; m − 1, n) + F(u; m, n − 1) on permutation counts (additions only, no cancellation).
/// </summary>
internal static class MannWhitneyExact
{
    /// <summary>Two-sided p = 2·P(U ≥ max(u, mn − u)), capped at 1 (scipy method="exact", R wilcox.test exact=TRUE).</summary>
    public static double TwoSidedP(double u, int m, int n)
    {
        double[] counts = Counts(m, n);
        double total = 0;
        foreach (double c in counts) total += c;
        double upper = Math.Max(u, (double)m * n - u);
        double tail = 0;
        for (int k = (int)Math.Ceiling(upper); k < counts.Length; k++) tail += counts[k];
        return Math.Min(1.0, 2.0 * tail / total);
    }

    private static double[] Counts(int m, int n)
    {
        int maxU = m * n;
        // layer[i] holds counts for (i, j) with j the current column; previous column kept in place (rolling).
        var layer = new double[m + 1][];
        for (int i = 0; i <= m; i++)
        {
            layer[i] = new double[maxU + 1];
            layer[i][0] = 1; // j = 0: U is 0 in exactly one way
        }

        for (int j = 1; j <= n; j++)
        {
            // F(u; i, j) = F(u − j; i − 1, j) + F(u; i, j − 1); i ascending so layer[i − 1] is already column j.
            for (int i = 1; i <= m; i++)
            {
                double[] current = layer[i], below = layer[i - 1];
                for (int u = Math.Min(i * j, maxU); u >= j; u--) current[u] += below[u - j];
            }
        }

        return layer[m];
    }
}
