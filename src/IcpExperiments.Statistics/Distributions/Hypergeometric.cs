namespace IcpExperiments.Statistics.Distributions;

/// <summary>
/// Hypergeometric distribution: k successes in <c>draws</c> drawn without replacement from <c>successStates</c>
/// successes and <c>failureStates</c> failures. Log-probabilities by Loader's saddle point (R's dhyper), accurate for
/// populations of millions where factorial or lgamma differences would cancel. Matches R's <c>dhyper</c>.
/// </summary>
public static class Hypergeometric
{
    /// <summary>ln P(K = k); −∞ outside the support. All counts ≥ 0 and draws ≤ successStates + failureStates.</summary>
    public static double LogPmf(long k, long successStates, long failureStates, long draws)
    {
        if (successStates < 0 || failureStates < 0 || draws < 0 || draws > successStates + failureStates)
            throw new ArgumentOutOfRangeException(nameof(draws), draws, "Counts must be ≥ 0 and draws ≤ population size.");
        if (k < Math.Max(0, draws - failureStates) || k > Math.Min(draws, successStates)) return double.NegativeInfinity;
        double population = successStates + failureStates;
        if (draws == 0 || draws == population) return 0.0;
        // P = b(k; r, p) · b(n − k; b, p) / b(n; r + b, p) with p = n/N, where every factor is near its mode.
        double p = draws / population, q = (population - draws) / population;
        return SaddlePoint.LogBinomial(k, successStates, p, q)
            + SaddlePoint.LogBinomial(draws - k, failureStates, p, q)
            - SaddlePoint.LogBinomial(draws, population, p, q);
    }

    /// <summary>P(K = k).</summary>
    public static double Pmf(long k, long successStates, long failureStates, long draws) =>
        Math.Exp(LogPmf(k, successStates, failureStates, draws));
}
