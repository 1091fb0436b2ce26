namespace IcpExperiments.Statistics.VarianceReduction;

/// <summary>One arm's means and centred sums of squares and cross-products of outcome y and covariate x (two-pass).</summary>
internal readonly record struct ArmCrossMoments(int Count, double MeanY, double MeanX, double Syy, double Sxx, double Sxy)
{
    public static ArmCrossMoments From(ReadOnlySpan<double> outcome, ReadOnlySpan<double> covariate, string name)
    {
        if (outcome.IsEmpty) throw new ArgumentException($"{name} outcomes must not be empty.", name);
        if (outcome.Length != covariate.Length)
            throw new ArgumentException($"{name}: outcome ({outcome.Length}) and covariate ({covariate.Length}) lengths differ.", name);
        double sumY = 0, sumX = 0;
        for (int i = 0; i < outcome.Length; i++)
        {
            if (!double.IsFinite(outcome[i]) || !double.IsFinite(covariate[i]))
                throw new ArgumentOutOfRangeException(name, $"{name}[{i}] must be finite.");
            sumY += outcome[i];
            sumX += covariate[i];
        }

        double meanY = sumY / outcome.Length, meanX = sumX / outcome.Length, syy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < outcome.Length; i++)
        {
            double dy = outcome[i] - meanY, dx = covariate[i] - meanX;
            syy += dy * dy;
            sxx += dx * dx;
            sxy += dx * dy;
        }

        return new ArmCrossMoments(outcome.Length, meanY, meanX, syy, sxx, sxy);
    }
}
