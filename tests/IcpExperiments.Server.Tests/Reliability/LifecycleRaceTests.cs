using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>
/// Many clients race on one experiment's lifecycle and one campaign's spend: each race has exactly one winner, the
/// others get ABORTED (stale etag) or FAILED_PRECONDITION (the transition is no longer legal), and no update is lost.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class LifecycleRaceTests(ServerFixture fixture)
{
    private const int Racers = 12;
    private readonly Scenario scenario = new(fixture);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Lifecycle_ManyClientsRaceEachTransition_ExactlyOneWinsEach(bool withEtag)
    {
        var experiment = await scenario.CreateDraftExperimentAsync();
        (string Name, ExperimentState State, Func<string, Task<Experiment>> Call)[] steps =
        [
            ("start", ExperimentState.Running, etag => Call(fixture.Experiments.StartExperimentAsync(new StartExperimentRequest { Name = experiment.Name, Etag = etag }).ResponseAsync, r => r.Experiment)),
            ("stop", ExperimentState.Stopped, etag => Call(fixture.Experiments.StopExperimentAsync(new StopExperimentRequest { Name = experiment.Name, Etag = etag }).ResponseAsync, r => r.Experiment)),
            ("conclude", ExperimentState.Concluded, etag => Call(fixture.Experiments.ConcludeExperimentAsync(new ConcludeExperimentRequest { Name = experiment.Name, Etag = etag }).ResponseAsync, r => r.Experiment)),
            ("archive", ExperimentState.Archived, etag => Call(fixture.Experiments.ArchiveExperimentAsync(new ArchiveExperimentRequest { Name = experiment.Name, Etag = etag }).ResponseAsync, r => r.Experiment)),
        ];

        foreach (var (name, state, call) in steps)
        {
            var etag = withEtag ? experiment.Etag : "";
            var results = await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => Outcome(call(etag))));

            var winner = Assert.Single(results, r => r.Code == StatusCode.OK).Response!;
            Assert.All(results.Where(r => r.Code != StatusCode.OK), r => Assert.True(r.Code is StatusCode.Aborted or StatusCode.FailedPrecondition, $"{name}: {r.Code}"));
            experiment = (await fixture.Experiments.GetExperimentAsync(new GetExperimentRequest { Name = experiment.Name })).Experiment;
            Assert.Equal((state, winner.Etag), (experiment.State, experiment.Etag));
        }
    }

    [Fact]
    public async Task UpdateCampaign_ManyEditorsAddToSpend_NoUpdateLost()
    {
        const int EditsPerEditor = 5;
        var experiment = await scenario.CreateDraftExperimentAsync();
        var campaign = (await fixture.Experiments.CreateCampaignAsync(new CreateCampaignRequest { Parent = experiment.Name, Campaign = Requests.Campaign("control") })).Campaign;
        long aborted = 0;

        // Each editor reads, adds its own amount and writes back with the etag it read; on ABORTED it re-reads.
        await Task.WhenAll(Enumerable.Range(1, Racers).Select(editor => Task.Run(async () =>
        {
            for (int edit = 0; edit < EditsPerEditor; edit++)
            {
                while (true)
                {
                    var current = (await fixture.Experiments.GetCampaignAsync(new GetCampaignRequest { Name = campaign.Name })).Campaign;
                    current.Spend.Units += editor;
                    var result = await Outcome(fixture.Experiments.UpdateCampaignAsync(new UpdateCampaignRequest { Campaign = current, UpdateMask = new FieldMask { Paths = { "spend" } } }).ResponseAsync);
                    if (result.Code == StatusCode.OK) break;
                    Assert.Equal(StatusCode.Aborted, result.Code);
                    Interlocked.Increment(ref aborted);
                }
            }
        })));

        var stored = (await fixture.Experiments.GetCampaignAsync(new GetCampaignRequest { Name = campaign.Name })).Campaign;
        var added = EditsPerEditor * Enumerable.Range(1, Racers).Sum();
        Assert.Equal(campaign.Spend.Units + added, stored.Spend.Units);
        Assert.True(aborted > 0, "The editors never collided, so the race was not exercised.");
    }

    private static async Task<Experiment> Call<T>(Task<T> call, Func<T, Experiment> experiment) => experiment(await call);

    private static async Task<(StatusCode Code, T? Response)> Outcome<T>(Task<T> call)
        where T : class
    {
        try
        {
            return (StatusCode.OK, await call);
        }
        catch (RpcException exception)
        {
            return (exception.StatusCode, null);
        }
    }
}
