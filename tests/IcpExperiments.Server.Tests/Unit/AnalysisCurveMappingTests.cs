extern alias server;

using AnalysisCurveMapping = server::IcpExperiments.Server.Mapping.AnalysisCurveMapping;

namespace IcpExperiments.Server.Tests.Unit;

public sealed class AnalysisCurveMappingTests
{
    [Theory]
    [InlineData(0, 5, new int[0])]
    [InlineData(3, 5, new[] { 0, 1, 2 })]
    [InlineData(10, 5, new[] { 1, 3, 5, 7, 9 })]
    [InlineData(7, 3, new[] { 1, 3, 6 })]
    public void Thin_CurveLongerThanTheLimit_KeepsEvenlySpacedStepsEndingWithTheLast(int count, int maxPoints, int[] expected)
    {
        // Act
        var kept = AnalysisCurveMapping.Thin(count, maxPoints).ToArray();

        // Assert
        Assert.Equal(expected, kept);
    }
}
