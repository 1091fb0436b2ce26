using System.Reflection;
using Google.Api;
using Google.Protobuf.Reflection;
using IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>
/// The hostile generator must keep up with the contract: every RPC of every service (found from the compiled
/// descriptors, so a new RPC fails here until it has a generator) and a cross-team request for every RPC that names
/// a team's resource.
/// </summary>
public sealed class HostileCoverageTests
{
    /// <summary>Resource types that belong to no team: the server-wide admin RPCs' keys and audit entries.</summary>
    private static readonly string[] ServerWideResources = ["icp-experiments.dev/ApiKey", "icp-experiments.dev/AuditEntry"];

    private static readonly HostileWorld World = new(
        "profiles/p", new Experiment { Name = "experiments/d", Etag = "W/\"1\"" }, new Experiment { Name = "experiments/r", Etag = "W/\"2\"" },
        new Campaign { Name = "experiments/r/campaigns/c" }, new Enrolment { AccountId = "a", EventId = "e" }, new Outcome { EventId = "o" },
        "apiKeys/k", "secret");

    public static TheoryData<string> ContractMethods()
    {
        var data = new TheoryData<string>();
        foreach (var method in Methods()) data.Add($"/{method.Service.FullName}/{method.Name}");
        return data;
    }

    [Theory]
    [MemberData(nameof(ContractMethods))]
    public void All_EveryContractMethod_HasExactlyOneGenerator(string path)
    {
        var generators = HostileRpcCatalog.All(World).Count(rpc => rpc.Path == path);

        Assert.True(generators == 1, $"{path} has {generators} hostile generators; add one to a Hostile*Rpcs class (and HostileRpcCatalog).");
    }

    [Fact]
    public void All_MethodsNamingATeamResource_HaveACrossTeamRequest()
    {
        var teamScoped = Methods().Where(NamesTeamResource).Select(m => $"/{m.Service.FullName}/{m.Name}").ToList();

        var missing = teamScoped.Where(path => HostileRpcCatalog.All(World).Single(rpc => rpc.Path == path).CrossTeam is null).ToList();

        Assert.NotEmpty(teamScoped);
        Assert.True(missing.Count == 0, $"No cross-team request for: {string.Join(", ", missing)}");
    }

    [Fact]
    public void All_Builders_BuildForManySeedsWithoutThrowing()
    {
        var rpcs = HostileRpcCatalog.All(World);

        var built = rpcs.Sum(rpc => Enumerable.Range(0, 50).Sum(seed => rpc.Build(new Random(seed)).Length) + (rpc.CrossTeam?.Invoke().Length ?? 0));

        Assert.True(built >= rpcs.Count * 50);
    }

    [Fact]
    public void ContractMethods_IncludeEveryService()
    {
        var services = Methods().Select(m => m.Service.Name).Distinct().ToList();

        Assert.Equal(["AdminService", "AnalysisService", "ExperimentService", "OutcomeService", "ProfileService", "RecommendationService"], services.Order());
    }

    private static IEnumerable<MethodDescriptor> Methods() =>
        typeof(ExperimentService).Assembly.GetTypes()
            .Where(t => t.Namespace == "IcpExperiments.Contracts.V1" && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => (FileDescriptor)t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
            .SelectMany(f => f.Services).SelectMany(s => s.Methods);

    /// <summary>A top-level request field that references a resource of a team (an experiment, a profile, a version...).</summary>
    private static bool NamesTeamResource(MethodDescriptor method) =>
        method.InputType.Fields.InDeclarationOrder().Any(field =>
            field.GetOptions()?.GetExtension(ResourceExtensions.ResourceReference) is { } reference
            && (reference.Type.Length > 0 || reference.ChildType.Length > 0)
            && !ServerWideResources.Contains(reference.Type));
}
