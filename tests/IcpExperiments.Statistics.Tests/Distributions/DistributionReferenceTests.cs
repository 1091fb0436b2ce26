using IcpExperiments.Statistics.Distributions;
using IcpExperiments.Statistics.Tests.References;

namespace IcpExperiments.Statistics.Tests.Distributions;

/// <summary>Normal, Student t and χ² against mpmath (50 digits), including far tails and huge ν.</summary>
public class DistributionReferenceTests
{
    public static IEnumerable<object[]> Cases => ReferenceCases.Load("distributions.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Distribution_ReferenceCase_MatchesMpmath(ReferenceCase reference)
    {
        // Arrange
        string dist = reference.Inputs.GetProperty("dist").GetString()!;
        double rtol = reference.RelativeTolerance;

        // Act & Assert: every function the case lists is checked at the stated tolerance.
        foreach (var (name, actual) in Evaluate(dist, reference))
            Approx.Equal(reference.ExpectedValue(name), actual, rtol, 0, $"{reference.Name} {name}");
    }

    private static IEnumerable<(string Name, double Actual)> Evaluate(string dist, ReferenceCase c)
    {
        switch (dist)
        {
            case "normal":
                double x = c.Input("x");
                return [("cdf", Normal.Cdf(x)), ("sf", Normal.Sf(x)), ("pdf", Normal.Pdf(x)), ("two_sided_p", Normal.TwoSidedP(x))];
            case "normal_quantile":
                return [("quantile", Normal.Quantile(c.Input("p")))];
            case "t":
                double t = c.Input("t"), v = c.Input("df");
                return [("sf", StudentT.Sf(t, v)), ("cdf", StudentT.Cdf(t, v)), ("pdf", StudentT.Pdf(t, v)), ("two_sided_p", StudentT.TwoSidedP(t, v))];
            case "t_quantile":
                double q = c.Input("q"), df = c.Input("df");
                return [("upper_quantile", StudentT.UpperQuantile(q, df)), ("quantile", StudentT.Quantile(q, df))];
            case "chi2":
                double chi = c.Input("x"), k = c.Input("df");
                return [("sf", ChiSquared.Sf(chi, k)), ("cdf", ChiSquared.Cdf(chi, k))];
            case "chi2_upper_quantile":
                return [("upper_quantile", ChiSquared.UpperQuantile(c.Input("q"), c.Input("df")))];
            case "chi2_quantile":
                return [("quantile", ChiSquared.Quantile(c.Input("p"), c.Input("df")))];
            default:
                throw new InvalidOperationException($"Unknown distribution case '{dist}'.");
        }
    }
}
