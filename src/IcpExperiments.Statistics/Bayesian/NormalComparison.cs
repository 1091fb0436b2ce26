using IcpExperiments.Statistics.Common;
using IcpExperiments.Statistics.Distributions;

namespace IcpExperiments.Statistics.Bayesian;

/// <summary>
/// Means (ACV, revenue per account) with a flat prior and the normal approximation: the posterior of the
/// difference D = variant − control is N(d, s_c²/n_c + s_v²/n_v). P(D &gt; 0) = Φ(d/σ); expected losses are the
/// normal partial expectations σφ(d/σ) ∓ dΦ(∓d/σ). Checked against SciPy numerical integration.
/// </summary>
public static class NormalComparison
{
    private const string MethodName = "Normal approximation, flat prior";

    /// <summary>Compares two arms' moments; not computable (NaN fields, with a note) when the posterior variance is 0.</summary>
    public static BayesianComparison Compare(SampleMoments control, SampleMoments variant)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(variant);
        double difference = variant.Mean - control.Mean;
        double sd = Math.Sqrt(control.VarianceOfMean + variant.VarianceOfMean);
        if (!(sd > 0))
            return new BayesianComparison(MethodName, double.NaN, double.NaN, double.NaN, ["Not computable: zero variance in both arms."]);

        double z = difference / sd, density = sd * Normal.Pdf(z);
        return new BayesianComparison(
            MethodName,
            Normal.Cdf(z),
            density - difference * Normal.Cdf(-z),
            density + difference * Normal.Cdf(z),
            ["Reported beside the frequentist test, not instead of it."]);
    }
}
