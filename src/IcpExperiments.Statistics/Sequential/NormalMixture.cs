namespace IcpExperiments.Statistics.Sequential;

/// <summary>
/// Closed forms of the normal-mixture likelihood ratio for an estimate θ̂ ~ N(θ, V) with mixing prior θ ~ N(0, τ²):
/// Λ = √(V/(V+τ²))·exp(τ²θ̂² / (2V(V+τ²))). Written with r = τ²/V (= ρ²·N) so nothing overflows:
/// ln Λ = −½ln(1+r) + r/(1+r)·z²/2 with z = θ̂/√V, and the 1−α sequence is θ̂ ± √(V(1+r)/r·(ln(1+r) − 2 ln α)).
/// </summary>
internal static class NormalMixture
{
    public static (double PValue, double HalfWidth) Evaluate(double estimate, double variance, double mixingRatio, double alpha)
    {
        double z2 = estimate * estimate / variance;
        double logLikelihoodRatio = -0.5 * double.LogP1(mixingRatio) + mixingRatio / (1 + mixingRatio) * z2 / 2;
        double pValue = Math.Exp(-Math.Max(0.0, logLikelihoodRatio));
        double halfWidth = Math.Sqrt(variance * (1 + mixingRatio) / mixingRatio * (double.LogP1(mixingRatio) - 2 * Math.Log(alpha)));
        return (pValue, halfWidth);
    }
}
