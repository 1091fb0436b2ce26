using IcpExperiments.Statistics.Common;
using IcpExperiments.Statistics.Sequential;
using IcpExperiments.Statistics.Tests.References;

namespace IcpExperiments.Statistics.Tests.Sequential;

/// <summary>Closed forms against the mixture likelihood ratio integrated numerically in SciPy (sequential.json).</summary>
public sealed class SequentialReferenceTests
{
    public static IEnumerable<object[]> Cases => ReferenceCases.Load("sequential.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void SequentialTest_ReferenceCase_MatchesIntegratedMixture(ReferenceCase testCase)
    {
        // Arrange
        var design = new SequentialDesign(testCase.Input("alpha"), (long)testCase.Input("tuning"));

        // Act
        var result = testCase.Input("kind") == 0
            ? SequentialTest.Proportions(
                (long)testCase.Input("control_successes"), (long)testCase.Input("control_trials"),
                (long)testCase.Input("variant_successes"), (long)testCase.Input("variant_trials"), design)
            : SequentialTest.Means(
                new SampleMoments((long)testCase.Input("control_n"), testCase.Input("control_mean"), testCase.Input("control_variance")),
                new SampleMoments((long)testCase.Input("variant_n"), testCase.Input("variant_mean"), testCase.Input("variant_variance")),
                design);

        // Assert
        double rtol = testCase.RelativeTolerance;
        Approx.Equal(testCase.ExpectedValue("estimate"), result.Estimate, 1e-12, 1e-15, "estimate");
        Approx.Equal(testCase.ExpectedValue("p_value"), result.PValue, rtol, 0, "p");
        Approx.Equal(testCase.ExpectedValue("lower"), result.ConfidenceInterval.Lower, rtol, 0, "lower");
        Approx.Equal(testCase.ExpectedValue("upper"), result.ConfidenceInterval.Upper, rtol, 0, "upper");
        Assert.Equal(result.PValue <= design.Alpha, result.ConfidenceInterval.Excludes(0));
    }
}
