using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests;

/// <summary>Optimistic concurrency: of two editors holding the same etag exactly one wins; the other gets ABORTED.</summary>
[Collection(SharedServer.Name)]
public sealed class ConcurrencyTests(ServerFixture fixture)
{
    private readonly Scenario scenario = new(fixture);

    [Fact]
    public async Task UpdateExperiment_TwoEditorsSameEtag_ExactlyOneWinsOtherAborted()
    {
        var draft = await scenario.CreateDraftExperimentAsync();
        string[] hypotheses = ["Editor A's hypothesis", "Editor B's hypothesis"];
        var edits = hypotheses.Select(hypothesis =>
        {
            var edited = draft.Clone();
            edited.Hypothesis = hypothesis;
            return Outcome(fixture.Experiments.UpdateExperimentAsync(new UpdateExperimentRequest
            {
                Experiment = edited,
                UpdateMask = new FieldMask { Paths = { "hypothesis" } },
            }).ResponseAsync);
        }).ToList();

        var results = await Task.WhenAll(edits);

        Assert.Single(results, r => r.Code == StatusCode.OK);
        Assert.Single(results, r => r.Code == StatusCode.Aborted);
        var winner = results.Single(r => r.Code == StatusCode.OK).Response!.Experiment;
        var stored = (await fixture.Experiments.GetExperimentAsync(new GetExperimentRequest { Name = draft.Name })).Experiment;
        Assert.Equal(winner.Hypothesis, stored.Hypothesis);
        Assert.Equal(winner.Etag, stored.Etag);
        Assert.NotEqual(draft.Etag, stored.Etag);
    }

    [Fact]
    public async Task StartExperiment_StaleEtag_AbortedAndStillDraft()
    {
        var draft = await scenario.CreateDraftExperimentAsync();
        var edited = draft.Clone();
        edited.DisplayName = "Renamed";
        await fixture.Experiments.UpdateExperimentAsync(new UpdateExperimentRequest { Experiment = edited, UpdateMask = new FieldMask { Paths = { "display_name" } } });

        var status = await RpcAssert.FailsAsync(StatusCode.Aborted, () => fixture.Experiments.StartExperimentAsync(new StartExperimentRequest { Name = draft.Name, Etag = draft.Etag }));

        Assert.Equal("ETAG_MISMATCH", RpcAssert.Reason(status));
        var stored = (await fixture.Experiments.GetExperimentAsync(new GetExperimentRequest { Name = draft.Name })).Experiment;
        Assert.Equal(ExperimentState.Draft, stored.State);
    }

    [Fact]
    public async Task UpdateCampaign_TwoEditorsSameEtag_ExactlyOneWins()
    {
        var experiment = await scenario.CreateDraftExperimentAsync();
        var campaign = (await fixture.Experiments.CreateCampaignAsync(new CreateCampaignRequest { Parent = experiment.Name, Campaign = Requests.Campaign("control") })).Campaign;
        long[] spends = [5_000, 7_000];
        var edits = spends.Select(units =>
        {
            var edited = campaign.Clone();
            edited.Spend = new Google.Type.Money { CurrencyCode = "USD", Units = units };
            return Outcome(fixture.Experiments.UpdateCampaignAsync(new UpdateCampaignRequest { Campaign = edited, UpdateMask = new FieldMask { Paths = { "spend" } } }).ResponseAsync);
        }).ToList();

        var results = await Task.WhenAll(edits);

        Assert.Single(results, r => r.Code == StatusCode.OK);
        Assert.Single(results, r => r.Code == StatusCode.Aborted);
    }

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
