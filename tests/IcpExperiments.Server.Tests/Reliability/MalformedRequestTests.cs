using Google.Protobuf;
using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>
/// Regressions found by the hostile-input run: bytes a client gets wrong are the client's INVALID_ARGUMENT (or
/// RESOURCE_EXHAUSTED), never the server's INTERNAL / UNKNOWN, and errors echoing huge input still reach the client.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class MalformedRequestTests(ServerFixture fixture)
{
    private const string GetExperiment = "/icp_experiments.v1.ExperimentService/GetExperiment";
    private const string ImportOutcomes = "/icp_experiments.v1.OutcomeService/ImportOutcomes";

    public static TheoryData<string, string, byte[], StatusCode> MalformedBodies()
    {
        var get = new GetExperimentRequest { Name = "experiments/some-id" }.ToByteArray();
        var batch = new ImportOutcomesRequest { BatchId = "b", Parent = "experiments/some-id" }.ToByteArray();
        return new()
        {
            { "unary, invalid UTF-8 in a string", GetExperiment, RawGrpcClient.Frame(WithInvalidUtf8(get)), StatusCode.InvalidArgument },
            { "unary, invalid wire type", GetExperiment, RawGrpcClient.Frame([.. get, 0x0F, 0x01]), StatusCode.InvalidArgument },
            { "unary, frame cut short", GetExperiment, RawGrpcClient.Frame(0, (uint)get.Length + 10, get), StatusCode.InvalidArgument },
            { "unary, bad compression flag", GetExperiment, RawGrpcClient.Frame(7, (uint)get.Length, get), StatusCode.InvalidArgument },
            { "unary, compressed without grpc-encoding", GetExperiment, RawGrpcClient.Frame(1, (uint)get.Length, get), StatusCode.InvalidArgument },
            { "unary, two messages", GetExperiment, [.. RawGrpcClient.Frame(get), .. RawGrpcClient.Frame(get)], StatusCode.InvalidArgument },
            { "unary, empty body", GetExperiment, [], StatusCode.InvalidArgument },
            { "unary, declared length over 2 GB", GetExperiment, RawGrpcClient.Frame(0, uint.MaxValue, get), StatusCode.ResourceExhausted },
            { "stream, invalid UTF-8 in a string", ImportOutcomes, RawGrpcClient.Frame(WithInvalidUtf8(batch)), StatusCode.InvalidArgument },
            { "stream, frame cut short", ImportOutcomes, RawGrpcClient.Frame(0, (uint)batch.Length + 10, batch), StatusCode.InvalidArgument },
            { "stream, bad compression flag", ImportOutcomes, RawGrpcClient.Frame(9, (uint)batch.Length, batch), StatusCode.InvalidArgument },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Call_MalformedBody_ClientErrorStatus(string scenario, string path, byte[] body, StatusCode expected)
    {
        using var raw = new RawGrpcClient(fixture.Server.Address);

        var code = await raw.CallAsync(path, body);

        Assert.True(expected == code, $"{scenario}: expected {expected}, got {code}");
    }

    [Fact]
    public async Task RecordOutcome_HugeAccountId_ErrorArrivesWithCappedMessage()
    {
        var experiment = await new Scenario(fixture).CreateRunningExperimentAsync();
        var outcome = Requests.Lost(new string('q', 200_000), DateTimeOffset.UtcNow.AddDays(-1));

        var exception = await Assert.ThrowsAsync<RpcException>(() => fixture.Outcomes.RecordOutcomeAsync(new RecordOutcomeRequest { Parent = experiment.Name, Outcome = outcome }).ResponseAsync);

        Assert.NotEqual(StatusCode.Internal, exception.StatusCode);
        Assert.InRange(exception.Status.Detail.Length, 1, 1_000);
    }

    [Fact]
    public async Task CreateProfile_VersionWithoutCriteria_InvalidArgument()
    {
        var version = Requests.Version(100);
        version.Criteria.Clear();

        await RpcAssert.InvalidFieldAsync("first_version.criteria", () => fixture.Profiles.CreateProfileAsync(new CreateProfileRequest
        {
            ProfileId = Requests.NewId("empty"),
            Profile = new Profile { DisplayName = "No criteria" },
            FirstVersion = version,
        }));
    }

    private static byte[] WithInvalidUtf8(byte[] message)
    {
        var copy = message.ToArray();
        copy[^1] = 0xC3; // The last byte of the last string field becomes the lead byte of a sequence that never ends.
        return copy;
    }
}
