namespace IcpExperiments.Statistics.Continuous;

/// <summary>Quantiles of sorted data by linear interpolation between order statistics (R type 7, numpy's default).</summary>
internal static class SortedQuantile
{
    public static double Of(ReadOnlySpan<double> sorted, double probability)
    {
        double position = probability * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        if (below >= sorted.Length - 1) return sorted[^1];
        double fraction = position - below;
        return fraction == 0 ? sorted[below] : sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
    }

    /// <summary>Median of unsorted scratch data in O(n) (the buffer is reordered).</summary>
    public static double MedianInPlace(Span<double> values)
    {
        int half = values.Length / 2;
        double upper = Select(values, half);
        if (values.Length % 2 == 1) return upper;
        // After selection everything left of `half` is ≤ upper: the lower middle is their maximum.
        double lower = double.NegativeInfinity;
        for (int i = 0; i < half; i++) lower = Math.Max(lower, values[i]);
        return lower + (upper - lower) / 2;
    }

    // Hoare-partition quickselect (k-th smallest), iterative; median-of-three pivots keep it linear on sorted input.
    private static double Select(Span<double> values, int k)
    {
        int left = 0, right = values.Length - 1;
        while (left < right)
        {
            int middle = left + (right - left) / 2;
            double pivot = MedianOfThree(values[left], values[middle], values[right]);
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j) { (values[i], values[j]) = (values[j], values[i]); i++; j--; }
            }

            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return values[k];
        }

        return values[k];
    }

    private static double MedianOfThree(double a, double b, double c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
