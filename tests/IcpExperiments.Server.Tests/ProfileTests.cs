using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests;

[Collection(SharedServer.Name)]
public sealed class ProfileTests(ServerFixture fixture)
{
    [Fact]
    public async Task CreateProfileVersion_EveryCriterionKind_ReadsBackUnchanged()
    {
        var profile = (await fixture.Profiles.CreateProfileAsync(new CreateProfileRequest { Profile = new Profile { DisplayName = "Round trip" } })).Profile;
        var version = Requests.Version(50);
        version.Criteria.Add(new Criterion { Attribute = "region", Categorical = new CategoricalPredicate { Operator = CategoricalPredicate.Types.Operator.NotIn, Values = { "apac" } } });
        version.Criteria.Add(new Criterion { Attribute = "annual_revenue", NumericRange = new NumericRangePredicate { Min = 5e6, MinExclusive = true } });
        version.Criteria.Add(new Criterion { Attribute = "uses_salesforce", Boolean = new BooleanPredicate { Value = true } });
        version.FitTiers.Bad.Add(new Criterion { Attribute = "funding_stage", Categorical = new CategoricalPredicate { Operator = CategoricalPredicate.Types.Operator.In, Values = { "pre_seed" } } });

        var created = (await fixture.Profiles.CreateProfileVersionAsync(new CreateProfileVersionRequest { Parent = profile.Name, Version = version })).ProfileVersion;
        var read = (await fixture.Profiles.GetProfileVersionAsync(new GetProfileVersionRequest { Name = created.Name })).ProfileVersion;

        Assert.Matches("^profiles/prf-[a-z0-9-]+$", profile.Name);
        Assert.Equal($"{profile.Name}/versions/1", read.Name);
        Assert.Equal(version.Criteria, read.Criteria);
        Assert.Equal(version.FitTiers, read.FitTiers);
        Assert.Equal(version.Narrative, read.Narrative);
        Assert.Equal(version.ChangeNote, read.ChangeNote);
    }

    [Fact]
    public async Task ScoreAccounts_FitTiers_FirstMatchingTier()
    {
        var profileId = await new Scenario(fixture).CreateProfileWithTwoVersionsAsync();

        var scores = await fixture.Profiles.ScoreAccountsAsync(new ScoreAccountsRequest
        {
            ProfileVersion = $"profiles/{profileId}/versions/1",
            Accounts =
            {
                new AccountToScore { AccountId = "big", Attributes = Requests.Attributes(employees: 800) },
                new AccountToScore { AccountId = "mid", Attributes = Requests.Attributes(employees: 300) },
            },
        });

        Assert.Equal([("big", true, FitTier.Best), ("mid", true, FitTier.None)], scores.Scores.Select(s => (s.AccountId, s.Qualified, s.FitTier)));
    }

    [Fact]
    public async Task DiffProfileVersions_DifferentProfiles_InvalidArgument()
    {
        await RpcAssert.InvalidFieldAsync("other_version", () => fixture.Profiles.DiffProfileVersionsAsync(new DiffProfileVersionsRequest
        {
            BaseVersion = "profiles/a/versions/1",
            OtherVersion = "profiles/b/versions/1",
        }));
    }

    [Fact]
    public async Task CreateProfile_IdTaken_AlreadyExists()
    {
        var profileId = await new Scenario(fixture).CreateProfileWithTwoVersionsAsync();

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => fixture.Profiles.CreateProfileAsync(new CreateProfileRequest { ProfileId = profileId, Profile = new Profile { DisplayName = "Again" } }));
    }
}
