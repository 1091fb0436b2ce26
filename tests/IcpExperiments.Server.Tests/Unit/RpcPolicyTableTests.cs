extern alias server;

using System.Reflection;
using Google.Protobuf.Reflection;
using Roles = server::IcpExperiments.Server.Security.Roles;
using RpcPolicyTable = server::IcpExperiments.Server.Security.RpcPolicyTable;

namespace IcpExperiments.Server.Tests.Unit;

public sealed class RpcPolicyTableTests
{
    /// <summary>Every method of every service in the server's compiled contract, found from the generated descriptors.</summary>
    public static TheoryData<string> ContractMethods()
    {
        var data = new TheoryData<string>();
        var files = typeof(RpcPolicyTable).Assembly.GetTypes()
            .Where(t => t.Namespace == "IcpExperiments.Contracts.V1" && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => (FileDescriptor)t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!);
        foreach (var method in files.SelectMany(f => f.Services).SelectMany(s => s.Methods))
            data.Add($"/{method.Service.FullName}/{method.Name}");
        return data;
    }

    [Theory]
    [MemberData(nameof(ContractMethods))]
    public void Find_EveryContractMethod_HasAnEntry(string method)
    {
        var policy = RpcPolicyTable.Find(method);

        Assert.True(policy is not null, $"{method} has no entry in RpcPolicyTable (src/IcpExperiments.Server/Security/RpcPolicyTable.cs), so every call to it is denied. Add one.");
        Assert.False(policy.IsOpen, $"{method} is open to anonymous callers; only health and reflection may be.");
    }

    [Fact]
    public void ContractMethods_IncludeEveryService_SoTheCheckAboveSeesThem()
    {
        var methods = ContractMethods().Cast<object[]>().Select(row => (string)row[0]).ToList();

        Assert.Contains("/icp_experiments.v1.AdminService/CreateApiKey", methods);
        Assert.Contains("/icp_experiments.v1.OutcomeService/ImportOutcomes", methods);
    }

    [Fact]
    public void Find_UnknownMethod_IsNullSoDenied()
    {
        var policy = RpcPolicyTable.Find("/icp_experiments.v1.ProfileService/DeleteEverything");

        Assert.Null(policy);
    }

    [Theory]
    [InlineData("/icp_experiments.v1.ExperimentService/StartExperiment", Roles.Experimenter, true)]
    [InlineData("/icp_experiments.v1.ExperimentService/StartExperiment", Roles.Viewer, false)]
    [InlineData("/icp_experiments.v1.ExperimentService/StartExperiment", Roles.Admin, true)]
    [InlineData("/icp_experiments.v1.ProfileService/CreateProfileVersion", Roles.ProfileOwner, true)]
    [InlineData("/icp_experiments.v1.ProfileService/CreateProfileVersion", Roles.Experimenter, false)]
    [InlineData("/icp_experiments.v1.OutcomeService/ListOutcomes", Roles.Viewer, true)]
    [InlineData("/icp_experiments.v1.AdminService/ListApiKeys", Roles.Viewer, false)]
    [InlineData("/grpc.health.v1.Health/Check", "none", true)]
    public void Allows_RoleAgainstMethod_FollowsTheTable(string method, string role, bool expected)
    {
        var policy = RpcPolicyTable.Find(method)!;

        var allowed = policy.Allows([role]);

        Assert.Equal(expected, allowed);
    }

    [Fact]
    public void Find_Writes_AreAuditedAndReadsAreNot()
    {
        var create = RpcPolicyTable.Find("/icp_experiments.v1.ExperimentService/CreateExperiment")!;
        var get = RpcPolicyTable.Find("/icp_experiments.v1.ExperimentService/GetExperiment")!;

        Assert.True(create.IsWrite);
        Assert.False(get.IsWrite);
    }
}
