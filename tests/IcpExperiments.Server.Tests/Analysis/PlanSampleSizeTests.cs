using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;
using Domain = IcpExperiments.Core.Analysis;

namespace IcpExperiments.Server.Tests.Analysis;

/// <summary>PlanSampleSize end to end: the engine's plan over the API, invalid inputs as field violations.</summary>
[Collection(SharedServer.Name)]
public sealed class PlanSampleSizeTests(ServerFixture fixture)
{
    private readonly AnalysisService.AnalysisServiceClient analysis = new(fixture.Channel);

    [Fact]
    public async Task PlanSampleSize_DefaultsAndRevenueInputs_MatchTheEnginesPlan()
    {
        // Arrange
        var request = new PlanSampleSizeRequest { BaselineConversion = 0.12, MinimumDetectableEffect = 0.2, AccountsPerDay = 40, AcvMean = 18_000, AcvStandardDeviation = 9_000 };
        var expected = Domain.SamplePlanner.Plan(new Domain.SamplePlanRequest(0.12, 0.2, 0.05, 0.8, 2, 40, 18_000, 9_000));

        // Act
        var plan = await analysis.PlanSampleSizeAsync(request);

        // Assert
        Assert.Equal((expected.AccountsPerArm, expected.TotalAccounts, expected.RevenueAccountsPerArm), (plan.AccountsPerArm, plan.TotalAccounts, (long?)plan.RevenueAccountsPerArm));
        Assert.Equal(expected.Days!.Value, plan.Days, 1e-9);
        Assert.Equal(expected.Note, plan.Note);
    }

    [Theory]
    [InlineData("baseline_conversion")]
    [InlineData("minimum_detectable_effect")]
    [InlineData("arms")]
    [InlineData("acv_standard_deviation")]
    public async Task PlanSampleSize_InvalidField_InvalidArgumentNamingIt(string field)
    {
        // Arrange
        var request = new PlanSampleSizeRequest { BaselineConversion = 0.12, MinimumDetectableEffect = 0.2 };
        switch (field)
        {
            case "baseline_conversion": request.BaselineConversion = 1.5; break;
            case "minimum_detectable_effect": request.MinimumDetectableEffect = -1; break;
            case "arms": request.Arms = 40; break;
            default: request.AcvMean = 10_000; break;
        }

        // Act / Assert
        await RpcAssert.InvalidFieldAsync(field, () => analysis.PlanSampleSizeAsync(request));
    }
}
