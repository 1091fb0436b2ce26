using Google.Protobuf.WellKnownTypes;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;
using static IcpExperiments.Server.Tests.Replicas.ReplicaRows;

namespace IcpExperiments.Server.Tests.Replicas;

/// <summary>
/// Results cached by one replica after writes through another: the cache is keyed by the data version, etag and spend
/// read from the database, so an exact replica (live staleness 0) always answers with the other replica's writes, and a
/// replica with the default live staleness bound does within that bound (at once for an as-of call or a spend change).
/// </summary>
[Collection(ReplicaCluster.Name)]
public sealed class ReplicaResultsTests(ReplicaSet replicas)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GetResults_WritesAndSpendChangeThroughA_NextResultOnBReflectsThem()
    {
        // Arrange: B computes and caches the results of the first 20 accounts.
        var experiment = await replicas.A.Scenario().CreateRunningExperimentAsync();
        var campaign = (await replicas.A.Experiments.CreateCampaignAsync(new CreateCampaignRequest { Parent = experiment.Name, Campaign = Requests.Campaign("control") })).Campaign;
        await ReplicaCalls.ImportAsync(replicas.A, [Batch(experiment.Name, "first", Accounts("cached", 0, 20))]);
        var before = await ResultsAsync(replicas.B, experiment.Name);
        var cached = await ResultsAsync(replicas.B, experiment.Name);

        // Act: A imports 10 more, enrols one more by a unary call, and changes the campaign's spend.
        await ReplicaCalls.ImportAsync(replicas.A, [Batch(experiment.Name, "second", Accounts("cached", 20, 10))]);
        var afterImport = await ResultsAsync(replicas.B, experiment.Name);
        await replicas.A.Experiments.EnrolAccountAsync(new EnrolAccountRequest { Parent = experiment.Name, Enrolment = Requests.Enrolment("cached-unary", "wider", EnrolledAt) });
        var afterEnrol = await ResultsAsync(replicas.B, experiment.Name);
        campaign.Spend.Units = 4_321;
        await replicas.A.Experiments.UpdateCampaignAsync(new UpdateCampaignRequest { Campaign = campaign, UpdateMask = new FieldMask { Paths = { "spend" } } });
        var afterSpend = await ResultsAsync(replicas.B, experiment.Name);

        // Assert
        Assert.Equal((20L, before.DataVersion), (Enrolled(cached), cached.DataVersion));
        Assert.Equal(30, Enrolled(afterImport));
        Assert.True(afterImport.DataVersion > before.DataVersion);
        Assert.Equal(31, Enrolled(afterEnrol));
        Assert.Equal(4_321, Spend(afterSpend, "control"));
        Assert.Equal(1_000, Spend(afterEnrol, "control"));
    }

    [Fact]
    public async Task GetResults_DefaultLiveStalenessOnC_AsOfAndSpendExactAtOnceLiveCatchesUpWithinTheBound()
    {
        // Arrange: C computes and caches the results of 20 accounts.
        var experiment = await replicas.A.Scenario().CreateRunningExperimentAsync();
        var campaign = (await replicas.A.Experiments.CreateCampaignAsync(new CreateCampaignRequest { Parent = experiment.Name, Campaign = Requests.Campaign("wider") })).Campaign;
        await ReplicaCalls.ImportAsync(replicas.A, [Batch(experiment.Name, "first", Accounts("bounded", 0, 20))]);
        var before = await ResultsAsync(replicas.C, experiment.Name);

        // Act
        await ReplicaCalls.ImportAsync(replicas.A, [Batch(experiment.Name, "second", Accounts("bounded", 20, 10))]);
        var written = DateTime.UtcNow;
        var asOf = await ResultsAsync(replicas.C, experiment.Name, Timestamp.FromDateTime(written));
        var live = new List<ExperimentResults>();
        var deadline = written + ReplicaSet.DefaultLiveMaxStaleness + Patience;
        do live.Add(await ResultsAsync(replicas.C, experiment.Name));
        while (Enrolled(live[^1]) != 30 && DateTime.UtcNow < deadline);
        campaign.Spend.Units = 777;
        await replicas.A.Experiments.UpdateCampaignAsync(new UpdateCampaignRequest { Campaign = campaign, UpdateMask = new FieldMask { Paths = { "spend" } } });
        var afterSpend = await ResultsAsync(replicas.C, experiment.Name);

        // Assert: an as-of call and a spend change are exact at once; a live result is either the one cached before the
        // write (its data version says so) or the new one, and the new one comes.
        Assert.Equal(20, Enrolled(before));
        Assert.Equal(30, Enrolled(asOf));
        Assert.All(live, r => Assert.True(
            (Enrolled(r), r.DataVersion) == (20, before.DataVersion) || (Enrolled(r) == 30 && r.DataVersion > before.DataVersion),
            $"A live result mixes versions: {Enrolled(r)} enrolled at data version {r.DataVersion}."));
        Assert.Equal(30, Enrolled(live[^1]));
        Assert.Equal(777, Spend(afterSpend, "wider"));
        Assert.Equal(30, Enrolled(afterSpend));
    }

    [Fact]
    public async Task WatchResults_OnBWhileAImports_PushesTheNewResults()
    {
        // Arrange
        var experiment = await replicas.A.Scenario().CreateRunningExperimentAsync();
        using var cancel = new CancellationTokenSource(Patience + TimeSpan.FromSeconds(10));
        using var watch = replicas.B.Analysis.WatchResults(new WatchResultsRequest { Experiment = experiment.Name }, cancellationToken: cancel.Token);
        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        var first = watch.ResponseStream.Current.Results;

        // Act: B hears nothing from A; it finds A's writes by polling the data version (WatchPollInterval, 5 s by default).
        await ReplicaCalls.ImportAsync(replicas.A, [Batch(experiment.Name, "watched", Accounts("watched", 0, 24))]);
        ExperimentResults pushed;
        do
        {
            Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
            pushed = watch.ResponseStream.Current.Results;
        }
        while (pushed.DataVersion == first.DataVersion);
        await cancel.CancelAsync();

        // Assert
        Assert.Equal(0, Enrolled(first));
        Assert.Equal(24, Enrolled(pushed));
    }

    private static async Task<ExperimentResults> ResultsAsync(Replica replica, string experimentName, Timestamp? asOf = null) =>
        (await replica.Analysis.GetResultsAsync(new GetResultsRequest { Experiment = experimentName, AsOf = asOf })).Results;

    private static long Enrolled(ExperimentResults results) => results.Arms.Sum(a => a.Enrolled);

    private static long Spend(ExperimentResults results, string arm) => results.Arms.Single(a => a.Arm == arm).Spend.Units;
}
