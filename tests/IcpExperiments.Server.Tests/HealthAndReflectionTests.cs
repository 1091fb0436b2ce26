using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests;

[Collection(SharedServer.Name)]
public sealed class HealthAndReflectionTests(ServerFixture fixture)
{
    [Fact]
    public async Task HealthCheck_RunningServer_ReportsServing()
    {
        var health = new Health.HealthClient(fixture.Channel);

        var reply = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Reflection_ListServices_NamesEveryApiService()
    {
        var services = await ReflectAsync(new ServerReflectionRequest { ListServices = string.Empty });

        var names = services.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("icp_experiments.v1.ProfileService", names);
        Assert.Contains("icp_experiments.v1.ExperimentService", names);
        Assert.Contains("icp_experiments.v1.OutcomeService", names);
        Assert.Contains("grpc.health.v1.Health", names);
    }

    [Fact]
    public async Task Reflection_FileContainingSymbol_ReturnsTheServiceDescriptor()
    {
        var reply = await ReflectAsync(new ServerReflectionRequest { FileContainingSymbol = "icp_experiments.v1.OutcomeService" });

        var files = reply.FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(bytes).Name)
            .ToList();
        Assert.Contains("icp_experiments/v1/outcome_service.proto", files);
    }

    private async Task<ServerReflectionResponse> ReflectAsync(ServerReflectionRequest request)
    {
        var client = new ServerReflection.ServerReflectionClient(fixture.Channel);
        using var call = client.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return call.ResponseStream.Current;
    }
}
