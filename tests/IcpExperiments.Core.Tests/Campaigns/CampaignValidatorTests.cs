using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;
using static IcpExperiments.Core.Tests.Samples;

namespace IcpExperiments.Core.Tests.Campaigns;

public sealed class CampaignValidatorTests
{
    public static TheoryData<string, Campaign, string> InvalidCampaigns()
    {
        var c = Campaign();
        return new TheoryData<string, Campaign, string>
        {
            { "id invalid", c with { Id = "Cmp_1" }, "campaign.id" },
            { "experiment id missing", c with { ExperimentId = "" }, "campaign.experiment_id" },
            { "arm key invalid", c with { ArmKey = "variant-" }, "campaign.arm_key" },
            { "name missing", c with { DisplayName = "" }, "campaign.display_name" },
            { "name too long", c with { DisplayName = new string('n', 201) }, "campaign.display_name" },
            { "channel undefined", c with { Channel = 0 }, "campaign.channel" },
            { "start date missing", c with { StartDate = default, EndDate = null }, "campaign.start_date" },
            { "start date before 2000", c with { StartDate = new DateOnly(1999, 12, 31), EndDate = null }, "campaign.start_date" },
            { "end before start", c with { EndDate = new DateOnly(2026, 6, 30) }, "campaign.end_date" },
            { "currency lower case", c with { Spend = new Money("usd", 1) }, "campaign.spend.currency_code" },
            { "currency two letters", c with { Spend = new Money("US", 1) }, "campaign.spend.currency_code" },
            { "currency empty", c with { Spend = new Money("", 1) }, "campaign.spend.currency_code" },
            { "currency with digit", c with { Spend = new Money("US1", 1) }, "campaign.spend.currency_code" },
            { "negative spend", c with { Spend = new Money("USD", -0.01m) }, "campaign.spend.amount" },
            { "spend above 1e12", c with { Spend = new Money("USD", 1_000_000_000_000.0001m) }, "campaign.spend.amount" },
            { "spend with 5 decimals", c with { Spend = new Money("USD", 10.00001m) }, "campaign.spend.amount" },
        };
    }

    public static TheoryData<string, Campaign> ValidCampaigns()
    {
        var c = Campaign();
        return new TheoryData<string, Campaign>
        {
            { "sample", c },
            { "ongoing", c with { EndDate = null } },
            { "one day", c with { EndDate = c.StartDate } },
            { "zero spend", c with { Spend = new Money("EUR", 0) } },
            { "max spend with 4 decimals", c with { Spend = new Money("JPY", 999_999_999_999.9999m) } },
            { "trailing zeros beyond 4 decimals", c with { Spend = new Money("USD", 1.500000m) } },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidCampaigns))]
    public void Validate_InvalidCampaign_ReportsOneViolationAtPath(string scenario, Campaign campaign, string field)
    {
        var violations = CampaignValidator.Validate(campaign, "campaign");

        Assert.True(violations.Count == 1 && violations[0].Field == field, $"{scenario}: expected {field}, got {string.Join("; ", violations)}");
    }

    [Theory]
    [MemberData(nameof(ValidCampaigns))]
    public void Validate_ValidCampaign_HasNoViolation(string scenario, Campaign campaign)
    {
        var violations = CampaignValidator.Validate(campaign, "campaign");

        Assert.True(violations.Count == 0, $"{scenario}: {string.Join("; ", violations)}");
    }

    [Theory]
    [InlineData(ExperimentState.Draft, "control")]
    [InlineData(ExperimentState.Running, "variant-a")]
    [InlineData(ExperimentState.Stopped, "variant-a")]
    public void EnsureFitsExperiment_ArmOfOpenExperiment_DoesNotThrow(ExperimentState state, string armKey)
    {
        CampaignValidator.EnsureFitsExperiment(Campaign() with { ArmKey = armKey }, Experiment(state));
    }

    [Fact]
    public void EnsureFitsExperiment_UnknownArm_ThrowsValidationOnArmKey()
    {
        var error = Assert.Throws<ValidationFailedException>(() => CampaignValidator.EnsureFitsExperiment(Campaign() with { ArmKey = "variant-z" }, Experiment(ExperimentState.Running)));

        var violation = Assert.Single(error.Violations);
        Assert.Equal("campaign.arm_key", violation.Field);
        Assert.Contains("variant-z", violation.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ExperimentState.Concluded)]
    [InlineData(ExperimentState.Archived)]
    public void EnsureFitsExperiment_ClosedExperiment_ThrowsExperimentClosed(ExperimentState state)
    {
        var error = Assert.Throws<PreconditionFailedException>(() => CampaignValidator.EnsureFitsExperiment(Campaign(), Experiment(state)));

        Assert.Equal("EXPERIMENT_CLOSED", error.Reason);
    }
}
