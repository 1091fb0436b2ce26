using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>Oversized messages are refused, and a call past its deadline stops writing.</summary>
[Collection(SharedServer.Name)]
public sealed class LimitsTests(ServerFixture fixture)
{
    private const int RowsPerBatch = 500;

    [Fact]
    public async Task CreateProfile_MessageOver16MiB_IsResourceExhausted()
    {
        var request = new CreateProfileRequest { ProfileId = Requests.NewId("big"), Profile = new Profile { DisplayName = "Big", Description = new string('d', 17 * 1024 * 1024) } };

        var exception = await Assert.ThrowsAsync<RpcException>(() => fixture.Profiles.CreateProfileAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
    }

    [Fact]
    public async Task ImportOutcomes_DeadlinePasses_NothingIsStoredAfterIt()
    {
        var experiment = await new Scenario(fixture).CreateRunningExperimentAsync();
        using var import = fixture.Outcomes.ImportOutcomes(deadline: DateTime.UtcNow.AddMilliseconds(400));
        var acknowledged = 0;

        var failure = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            for (var batch = 0; batch < 1_000; batch++)
            {
                await import.RequestStream.WriteAsync(Batch(experiment.Name, batch));
                Assert.True(await import.ResponseStream.MoveNext(CancellationToken.None));
                acknowledged++;
            }
        });
        var storedAtFailure = await CountEnrolmentsAsync(experiment.Name);
        await Task.Delay(500);
        var storedLater = await CountEnrolmentsAsync(experiment.Name);

        Assert.Contains(failure.StatusCode, new[] { StatusCode.DeadlineExceeded, StatusCode.Cancelled });
        Assert.True(acknowledged < 1_000, "the deadline should have ended the stream long before 1,000 batches");
        // Every acknowledged batch is stored; at most the batch in flight at the deadline was committed without its acknowledgement.
        Assert.InRange(storedAtFailure, acknowledged * RowsPerBatch, (acknowledged + 1) * RowsPerBatch);
        Assert.Equal(storedAtFailure, storedLater);
    }

    private static ImportOutcomesRequest Batch(string experimentName, int batch)
    {
        var request = new ImportOutcomesRequest { BatchId = $"b{batch}", Parent = experimentName };
        request.Rows.AddRange(Enumerable.Range(0, RowsPerBatch).Select(i =>
            new ImportRow { Enrolment = Requests.Enrolment($"acct-{batch}-{i}", i % 2 == 0 ? "control" : "wider", DateTimeOffset.UtcNow.AddDays(-5)) }));
        return request;
    }

    private async Task<int> CountEnrolmentsAsync(string experimentName)
    {
        var count = 0;
        var token = "";
        do
        {
            var page = await fixture.Experiments.ListEnrolmentsAsync(new ListEnrolmentsRequest { Parent = experimentName, PageSize = 1000, PageToken = token });
            count += page.Enrolments.Count;
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return count;
    }
}
