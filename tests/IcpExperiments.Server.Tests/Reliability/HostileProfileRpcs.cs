using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;
using static IcpExperiments.Server.Tests.Reliability.HostileValues;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>Hostile requests for every ProfileService RPC.</summary>
public static class HostileProfileRpcs
{
    private const string Service = "/icp_experiments.v1.ProfileService/";
    private static readonly string[] MalformedIds = ["UPPER", "-x", "a b", new string('a', 64), "😀", InvalidUtf8Marker, "x/y", "1abc"];

    public static IEnumerable<HostileRpc> All(HostileWorld world) =>
    [
        HostileRpc.Unary<CreateProfileRequest>(Service + "CreateProfile",
            () => new() { ProfileId = Requests.NewId("p"), Profile = new Profile { DisplayName = "P" }, FirstVersion = Requests.Version(100) },
            [
                (m, r) => m.ProfileId = Pick(r, MalformedIds),
                (m, _) => m.ProfileId = world.ProfileId,
                (m, _) => m.Profile = null,
                (m, r) => BreakVersion(m.FirstVersion, r),
            ],
            [
                (m, r) => m.Profile.Description = AnyString(r),
                (m, r) => m.Profile.DisplayName = AnyString(r) + "x",
                (m, r) => m.FirstVersion.Narrative.Goals = AnyString(r),
                (m, r) => m.FirstVersion.ChangeNote = AnyString(r),
            ],
            teamScoped: false),
        HostileRpc.Read<GetProfileRequest>(Service + "GetProfile", () => new() { Name = world.ProfileName }, [(m, r) => m.Name = MalformedName(r), (m, r) => m.Name = "profiles/" + Pick(r, MalformedIds)]),
        HostileRpc.Read<ListProfilesRequest>(Service + "ListProfiles", () => new(), [(m, r) => m.PageSize = AnyInt(r), (m, r) => m.PageToken = AnyString(r)], teamScoped: false),
        HostileRpc.Unary<CreateProfileVersionRequest>(Service + "CreateProfileVersion",
            () => new() { Parent = world.ProfileName, Version = Requests.Version(120) },
            [
                (m, r) => m.Parent = MalformedName(r),
                (m, _) => m.Parent = "profiles/no-such-profile",
                (m, _) => m.Version = null,
                (m, r) => BreakVersion(m.Version, r),
            ],
            [(m, r) => m.Version.ChangeNote = AnyString(r), (m, r) => m.Version.Narrative.BuyingProcess = AnyString(r), (m, r) => m.Version.VersionNumber = AnyInt(r)]),
        HostileRpc.Read<GetProfileVersionRequest>(Service + "GetProfileVersion", () => new() { Name = world.VersionName(1) }, [(m, r) => m.Name = MalformedName(r), (m, r) => m.Name = world.VersionName(AnyInt(r))]),
        HostileRpc.Read<ListProfileVersionsRequest>(Service + "ListProfileVersions", () => new() { Parent = world.ProfileName },
            [(m, r) => m.Parent = MalformedName(r), (m, r) => m.PageSize = AnyInt(r), (m, r) => m.PageToken = AnyString(r)]),
        HostileRpc.Read<DiffProfileVersionsRequest>(Service + "DiffProfileVersions", () => new() { BaseVersion = world.VersionName(1), OtherVersion = world.VersionName(2) },
            [(m, r) => m.BaseVersion = MalformedName(r), (m, r) => m.OtherVersion = world.VersionName(AnyInt(r)), (m, _) => m.OtherVersion = "profiles/other/versions/1"]),
        HostileRpc.Read<ScoreAccountsRequest>(Service + "ScoreAccounts",
            () => new() { ProfileVersion = world.VersionName(1), Accounts = { new AccountToScore { AccountId = "a", Attributes = Requests.Attributes() } } },
            [
                (m, r) => m.ProfileVersion = MalformedName(r),
                (m, r) => m.Accounts[0].Attributes = HostileAttributes(r),
                (m, r) => m.Accounts[0].AccountId = AnyString(r),
                (m, _) => m.Accounts[0].Attributes = null,
                (m, r) => m.Accounts.AddRange(Enumerable.Range(0, Pick(r, [1_000, 20_000])).Select(i => new AccountToScore { AccountId = $"a{i}", Attributes = Requests.Attributes(i) })),
            ]),
    ];

    /// <summary>Attributes with absurd values: negative or huge counts, non-finite revenue, strange strings, sometimes a huge map.</summary>
    public static AccountAttributes HostileAttributes(Random random, bool hugeMap = true)
    {
        var attributes = Requests.Attributes(AnyLong(random));
        attributes.AnnualRevenue = AnyDouble(random);
        attributes.Industry = AnyString(random);
        attributes.TechStack.Add(AnyString(random));
        if (hugeMap && random.Next(4) == 0) attributes.Extra.Add(Enumerable.Range(0, 5_000).ToDictionary(i => $"k{i}", _ => "v"));
        return attributes;
    }

    /// <summary>Makes a profile version certainly invalid.</summary>
    public static void BreakVersion(ProfileVersion version, Random random)
    {
        var criterion = version.Criteria[random.Next(version.Criteria.Count)];
        switch (random.Next(7))
        {
            case 0: criterion.Attribute = ""; break;
            case 1: criterion.ClearPredicate(); break;
            case 2: criterion.NumericRange = new NumericRangePredicate { Min = Pick(random, new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity }) }; break;
            case 3: criterion.NumericRange = new NumericRangePredicate { Min = 500, Max = 10 }; break;
            case 4: criterion.Categorical = new CategoricalPredicate { Operator = Enum<CategoricalPredicate.Types.Operator>(random), Values = { "saas" } }; break;
            case 5: criterion.Categorical = new CategoricalPredicate { Operator = CategoricalPredicate.Types.Operator.In }; break;
            default: version.Criteria.Clear(); break;
        }
    }
}
