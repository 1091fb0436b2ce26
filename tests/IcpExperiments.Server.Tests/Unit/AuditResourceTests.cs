extern alias server;

using AuditResource = server::IcpExperiments.Server.Security.Audit.AuditResource;
using IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Tests.Unit;

public sealed class AuditResourceTests
{
    [Fact]
    public void Of_ResponseWithNestedResource_NamesIt()
    {
        var response = new CreateProfileResponse { Profile = new Profile { Name = "profiles/icp" } };

        Assert.Equal("profiles/icp", AuditResource.Of(response));
    }

    [Fact]
    public void Of_RequestWithNameOrParent_NamesIt()
    {
        Assert.Equal("experiments/e", AuditResource.Of(new StartExperimentRequest { Name = "experiments/e" }));
        Assert.Equal("experiments/e", AuditResource.Of(new ImportOutcomesRequest { Parent = "experiments/e", BatchId = "b" }));
    }

    [Fact]
    public void Of_CreateKeyResponse_NeverTheSecret()
    {
        var response = new CreateApiKeyResponse { ApiKey = new ApiKey { Name = "apiKeys/k" }, Secret = "icpx_k_secret" };

        Assert.Equal("apiKeys/k", AuditResource.Of(response));
    }

    [Fact]
    public void Of_NoNameAnywhere_IsNull()
    {
        Assert.Null(AuditResource.Of(new ListProfilesRequest()));
        Assert.Null(AuditResource.Of("not a message"));
    }
}
