using IcpExperiments.Statistics.Diagnostics;
using IcpExperiments.Statistics.Multiplicity;
using IcpExperiments.Statistics.Tests.References;

namespace IcpExperiments.Statistics.Tests.Multiplicity;

/// <summary>Holm / BH against R p.adjust and SRM against scipy.stats.chisquare (multiplicity.json).</summary>
public class MultiplicityReferenceTests
{
    public static IEnumerable<object[]> Adjustments => Select("adjust");

    public static IEnumerable<object[]> RatioChecks => Select("srm");

    private static IEnumerable<object[]> Select(string test) =>
        ReferenceCases.Load("multiplicity.json").Where(row => ((ReferenceCase)row[0]).Inputs.GetProperty("test").GetString() == test);

    private static double[] ExpectedArray(ReferenceCase c, string name) =>
        c.Expected.GetProperty(name).EnumerateArray().Select(ReferenceCase.ReadDouble).ToArray();

    [Theory]
    [MemberData(nameof(Adjustments))]
    public void PValueAdjustment_ReferenceFamily_MatchesRPAdjust(ReferenceCase c)
    {
        double[] p = c.InputArray("p");

        double[] holm = PValueAdjustment.Holm(p);
        double[] bh = PValueAdjustment.BenjaminiHochberg(p);

        double[] expectedHolm = ExpectedArray(c, "holm"), expectedBh = ExpectedArray(c, "bh");
        for (int i = 0; i < p.Length; i++)
        {
            Approx.Equal(expectedHolm[i], holm[i], c.RelativeTolerance, 0, $"holm[{i}]");
            Approx.Equal(expectedBh[i], bh[i], c.RelativeTolerance, 0, $"bh[{i}]");
        }
    }

    [Theory]
    [MemberData(nameof(RatioChecks))]
    public void SampleRatioMismatch_ReferenceCounts_MatchesScipyChisquare(ReferenceCase c)
    {
        long[] observed = c.InputArray("observed").Select(v => (long)v).ToArray();

        var check = SampleRatioMismatch.Check(observed, c.InputArray("planned"));

        Approx.Equal(c.ExpectedValue("chi2"), check.ChiSquare, c.RelativeTolerance, 0, "chi2");
        Approx.Equal(c.ExpectedValue("p"), check.PValue, c.RelativeTolerance, 0, "p");
        Assert.Equal(c.ExpectedValue("p") < SampleRatioMismatch.DefaultThreshold, check.IsMismatch);
    }
}
