using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Replicas;

/// <summary>
/// Lifecycle transitions and campaign edits raced through two replicas: each transition has exactly one winner, the
/// others get ABORTED or FAILED_PRECONDITION, and read-modify-write edits with etags lose no update.
/// </summary>
[Collection(ReplicaCluster.Name)]
public sealed class ReplicaLifecycleRaceTests(ReplicaSet replicas)
{
    private const int RacersPerReplica = 3;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Lifecycle_EachTransitionRacedThroughBothReplicas_ExactlyOneWinsEach(bool withEtag)
    {
        // Arrange
        var experiment = await replicas.A.Scenario().CreateDraftExperimentAsync();
        (ExperimentState State, Func<Replica, string, Task<Experiment>> Call)[] steps =
        [
            (ExperimentState.Running, async (r, etag) => (await r.Experiments.StartExperimentAsync(new StartExperimentRequest { Name = experiment.Name, Etag = etag })).Experiment),
            (ExperimentState.Stopped, async (r, etag) => (await r.Experiments.StopExperimentAsync(new StopExperimentRequest { Name = experiment.Name, Etag = etag })).Experiment),
            (ExperimentState.Concluded, async (r, etag) => (await r.Experiments.ConcludeExperimentAsync(new ConcludeExperimentRequest { Name = experiment.Name, Etag = etag })).Experiment),
            (ExperimentState.Archived, async (r, etag) => (await r.Experiments.ArchiveExperimentAsync(new ArchiveExperimentRequest { Name = experiment.Name, Etag = etag })).Experiment),
        ];

        foreach (var (state, call) in steps)
        {
            // Act
            var etag = withEtag ? experiment.Etag : "";
            var racers = Enumerable.Range(0, RacersPerReplica).SelectMany(_ => new[] { replicas.A, replicas.B });
            var results = await Task.WhenAll(racers.Select(replica => ReplicaCalls.ResultOf(call(replica, etag))));

            // Assert: one winner, and both replicas then read the winner's state and etag.
            var winner = Assert.Single(results, r => r.Code == StatusCode.OK).Response!;
            Assert.All(results.Where(r => r.Code != StatusCode.OK), r => Assert.True(r.Code is StatusCode.Aborted or StatusCode.FailedPrecondition, $"{state}: {r.Code}"));
            foreach (var replica in new[] { replicas.A, replicas.B })
            {
                experiment = (await replica.Experiments.GetExperimentAsync(new GetExperimentRequest { Name = experiment.Name })).Experiment;
                Assert.Equal((state, winner.Etag), (experiment.State, experiment.Etag));
            }
        }
    }

    [Fact]
    public async Task UpdateCampaign_EditorsReadOnOneReplicaWriteOnTheOther_NoUpdateLost()
    {
        // Arrange
        const int Editors = 6;
        const int EditsPerEditor = 4;
        var experiment = await replicas.A.Scenario().CreateDraftExperimentAsync();
        var campaign = (await replicas.A.Experiments.CreateCampaignAsync(new CreateCampaignRequest { Parent = experiment.Name, Campaign = Requests.Campaign("control") })).Campaign;
        long aborted = 0;

        // Act: each editor reads through one replica, adds its amount and writes through the other with the etag it read; on ABORTED it re-reads.
        await Task.WhenAll(Enumerable.Range(1, Editors).Select(editor => Task.Run(async () =>
        {
            var (reader, writer) = editor % 2 == 0 ? (replicas.A, replicas.B) : (replicas.B, replicas.A);
            for (int edit = 0; edit < EditsPerEditor; edit++)
            {
                while (true)
                {
                    var current = (await reader.Experiments.GetCampaignAsync(new GetCampaignRequest { Name = campaign.Name })).Campaign;
                    current.Spend.Units += editor;
                    var result = await ReplicaCalls.ResultOf(writer.Experiments.UpdateCampaignAsync(
                        new UpdateCampaignRequest { Campaign = current, UpdateMask = new FieldMask { Paths = { "spend" } } }).ResponseAsync);
                    if (result.Code == StatusCode.OK) break;
                    Assert.Equal(StatusCode.Aborted, result.Code);
                    Interlocked.Increment(ref aborted);
                }
            }
        })));

        // Assert
        var added = EditsPerEditor * Enumerable.Range(1, Editors).Sum();
        foreach (var replica in new[] { replicas.A, replicas.B })
        {
            var stored = (await replica.Experiments.GetCampaignAsync(new GetCampaignRequest { Name = campaign.Name })).Campaign;
            Assert.Equal(campaign.Spend.Units + added, stored.Spend.Units);
        }

        Assert.True(aborted > 0, "The editors never collided, so the race was not exercised.");
    }
}
