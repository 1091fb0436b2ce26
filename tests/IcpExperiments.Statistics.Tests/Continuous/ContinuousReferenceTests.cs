using IcpExperiments.Statistics.Continuous;
using IcpExperiments.Statistics.Tests.References;

namespace IcpExperiments.Statistics.Tests.Continuous;

/// <summary>Welch, Mann–Whitney and winsorization against scipy / statsmodels / mpmath / numpy (continuous.json).</summary>
public class ContinuousReferenceTests
{
    public static IEnumerable<object[]> Welch => Select("welch");

    public static IEnumerable<object[]> MannWhitney => Select("mann_whitney");

    public static IEnumerable<object[]> Winsorize => Select("winsorize");

    private static IEnumerable<object[]> Select(string test) =>
        ReferenceCases.Load("continuous.json").Where(row => ((ReferenceCase)row[0]).Inputs.GetProperty("test").GetString() == test);

    [Theory]
    [MemberData(nameof(Welch))]
    public void WelchTTest_RawData_MatchesScipy(ReferenceCase c)
    {
        var result = WelchTTest.Run(c.InputArray("control"), c.InputArray("variant"));

        AssertWelch(c, result, c.RelativeTolerance);
    }

    [Theory]
    [MemberData(nameof(Welch))]
    public void WelchTTest_SufficientStatistics_MatchesScipy(ReferenceCase c)
    {
        var control = SampleSummary.FromSums((long)c.Input("control_n"), c.Input("control_sum"), c.Input("control_sumsq"));
        var variant = SampleSummary.FromSums((long)c.Input("variant_n"), c.Input("variant_sum"), c.Input("variant_sumsq"));

        var result = WelchTTest.Run(control, variant);

        // Σx² is rounded once before we see it, so the variance keeps ~ε·Σx²/M2 relative error: ≤ 1e-12 for these
        // data (mean offset 1e3 included); a mean of 1e6 with unit spread would not survive any sum-based formula.
        AssertWelch(c, result, 1e-9);
    }

    private static void AssertWelch(ReferenceCase c, IcpExperiments.Statistics.Common.TestResult result, double rtol)
    {
        Assert.True(result.IsComputable, string.Join("; ", result.Notes));
        Approx.Equal(c.ExpectedValue("t"), result.Statistic, rtol, 0, "t");
        Approx.Equal(c.ExpectedValue("df"), result.DegreesOfFreedom!.Value, rtol, 0, "df");
        Approx.Equal(c.ExpectedValue("p"), result.PValue, rtol, 0, "p");
        Approx.Equal(c.ExpectedValue("difference"), result.Estimate, rtol, 1e-14, "difference");
        Approx.Equal(c.ExpectedValue("lower"), result.ConfidenceInterval.Lower, rtol, 1e-14, "lower");
        Approx.Equal(c.ExpectedValue("upper"), result.ConfidenceInterval.Upper, rtol, 1e-14, "upper");
    }

    [Theory]
    [MemberData(nameof(MannWhitney))]
    public void MannWhitneyUTest_AutoMethod_MatchesScipy(ReferenceCase c)
    {
        var result = MannWhitneyUTest.Run(c.InputArray("control"), c.InputArray("variant"));

        Approx.Equal(c.ExpectedValue("u"), result.Statistic, c.RelativeTolerance, 0, "U");
        Approx.Equal(c.ExpectedValue("p"), result.PValue, c.RelativeTolerance, 0, "p");
        bool exact = c.Expected.GetProperty("exact").GetBoolean();
        Assert.Contains(exact ? "p-value: exact null distribution" : "p-value: normal approximation, tie and continuity corrected", result.Notes);
    }

    [Theory]
    [MemberData(nameof(MannWhitney))]
    public void MannWhitneyUTest_Asymptotic_MatchesScipyAsymptotic(ReferenceCase c)
    {
        var result = MannWhitneyUTest.Run(c.InputArray("control"), c.InputArray("variant"), MannWhitneyMethod.Asymptotic);

        Approx.Equal(c.ExpectedValue("p_asymptotic"), result.PValue, c.RelativeTolerance, 0, "p");
    }

    [Theory]
    [MemberData(nameof(Winsorize))]
    public void WinsorizationCap_ReferenceData_MatchesNumpyPercentileClip(ReferenceCase c)
    {
        double[] values = c.InputArray("values");

        var limits = Winsorization.Limits(values, c.Input("lower"), c.Input("upper"));
        double[] capped = Winsorization.Cap(values, c.Input("lower"), c.Input("upper"));

        Approx.Equal(c.ExpectedValue("lower_limit"), limits.Lower, c.RelativeTolerance, 0, "lower limit");
        Approx.Equal(c.ExpectedValue("upper_limit"), limits.Upper, c.RelativeTolerance, 0, "upper limit");
        double[] expected = c.Expected.GetProperty("capped").EnumerateArray().Select(ReferenceCase.ReadDouble).ToArray();
        Assert.Equal(expected.Length, capped.Length);
        for (int i = 0; i < expected.Length; i++) Approx.Equal(expected[i], capped[i], c.RelativeTolerance, 0, $"capped[{i}]");
    }
}
