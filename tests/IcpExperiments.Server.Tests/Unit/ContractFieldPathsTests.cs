extern alias server;

using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Profiles;
using ContractFieldPaths = server::IcpExperiments.Server.Mapping.ContractFieldPaths;

namespace IcpExperiments.Server.Tests.Unit;

public sealed class ContractFieldPathsTests
{
    [Theory]
    [InlineData("enrolment.account.account_id", "enrolment.account_id")]
    [InlineData("enrolment.account.attributes.extra[k]", "enrolment.attributes.extra[k]")]
    [InlineData("enrolment.enrolled_at", "enrolment.enrol_time")]
    [InlineData("campaign.id", "campaign_id")]
    [InlineData("campaign.identity", "campaign.identity")]
    [InlineData("campaign.spend.amount", "campaign.spend")]
    [InlineData("campaign.spend.currency_code", "campaign.spend.currency_code")]
    [InlineData("outcome.acv.amount", "outcome.converted.acv")]
    [InlineData("outcome.kind", "outcome")]
    [InlineData("version.text.goals", "version.narrative.goals")]
    [InlineData("version.criteria[3].values[1]", "version.criteria[3].categorical.values[1]")]
    [InlineData("version.criteria[0].max", "version.criteria[0].numeric_range.max")]
    [InlineData("version.criteria[0].attribute", "version.criteria[0].attribute")]
    [InlineData("experiment.variants[0].allocation", "experiment.variants[0].allocation")]
    public void ToContract_DomainPath_RequestPath(string domain, string contract)
    {
        Assert.Equal(contract, ContractFieldPaths.ToContract(domain));
    }

    [Theory]
    [InlineData(OutcomeKind.Converted, "outcome.converted.convert_time")]
    [InlineData(OutcomeKind.Lost, "outcome.lost.lose_time")]
    public void ToContract_OccurredAt_TheOneofMembersTime(OutcomeKind kind, string contract)
    {
        Assert.Equal(contract, ContractFieldPaths.ToContract("outcome.occurred_at", kind));
    }

    [Fact]
    public void ToContract_FitTierIndex_TierByLevel()
    {
        FitTierLevel[] levels = [FitTierLevel.Best, FitTierLevel.Bad];

        var path = ContractFieldPaths.ToContract("version.fit_tiers[1].criteria[0].values", tierLevels: levels);

        Assert.Equal("version.fit_tiers.bad[0].categorical.values", path);
    }
}
