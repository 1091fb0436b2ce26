namespace IcpExperiments.Core.Analysis;

/// <summary>
/// Holm and Benjamini–Hochberg adjusted p-values (as R p.adjust "holm" / "BH"), in the input order.
/// Stand-in until the statistics library's Multiplicity lands; then this delegates to it.
/// </summary>
internal static class MultipleTesting
{
    public static double[] Holm(double[] p)
    {
        int m = p.Length;
        int[] order = Order(p);
        var adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++)
        {
            int i = order[rank];
            running = Math.Max(running, Math.Min(1.0, (m - rank) * p[i]));
            adjusted[i] = running;
        }

        return adjusted;
    }

    public static double[] BenjaminiHochberg(double[] p)
    {
        int m = p.Length;
        int[] order = Order(p);
        var adjusted = new double[m];
        double running = 1.0;
        for (int rank = m - 1; rank >= 0; rank--)
        {
            int i = order[rank];
            running = Math.Min(running, Math.Min(1.0, p[i] * m / (rank + 1)));
            adjusted[i] = running;
        }

        return adjusted;
    }

    private static int[] Order(double[] p)
    {
        var order = new int[p.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var keys = (double[])p.Clone();
        Array.Sort(keys, order);
        return order;
    }
}
