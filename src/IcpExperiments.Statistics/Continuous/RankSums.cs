namespace IcpExperiments.Statistics.Continuous;

/// <summary>
/// Rank statistics of two samples in O(n log n): each arm is sorted once (the unavoidable cost), then one merge
/// pass assigns mid-ranks to tie groups. No per-element allocations.
/// </summary>
internal static class RankSums
{
    /// <summary>Sum of the variant's mid-ranks in the pooled sample and Σ(t³ − t) over tie groups.</summary>
    public static (double VariantRankSum, double TieTerm) Compute(ReadOnlySpan<double> control, ReadOnlySpan<double> variant)
    {
        double[] sortedControl = control.ToArray(), sortedVariant = variant.ToArray();
        Array.Sort(sortedControl);
        Array.Sort(sortedVariant);

        int i = 0, j = 0;
        long rankBefore = 0; // number of pooled values already ranked
        double variantRankSum = 0, tieTerm = 0;
        while (i < sortedControl.Length || j < sortedVariant.Length)
        {
            double value = i == sortedControl.Length ? sortedVariant[j]
                : j == sortedVariant.Length ? sortedControl[i]
                : Math.Min(sortedControl[i], sortedVariant[j]);
            int controlTies = 0, variantTies = 0;
            while (i < sortedControl.Length && sortedControl[i] == value) { i++; controlTies++; }
            while (j < sortedVariant.Length && sortedVariant[j] == value) { j++; variantTies++; }
            long groupSize = controlTies + variantTies;
            double midRank = rankBefore + (groupSize + 1) / 2.0;
            variantRankSum += variantTies * midRank;
            if (groupSize > 1) tieTerm += (double)groupSize * groupSize * groupSize - groupSize;
            rankBefore += groupSize;
        }

        return (variantRankSum, tieTerm);
    }
}
