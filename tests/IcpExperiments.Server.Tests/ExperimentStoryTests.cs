using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests;

/// <summary>The whole journey of a growth team, through the public API only.</summary>
public abstract class ExperimentStoryTests(ServerFixture fixture)
{
    private readonly Scenario scenario = new(fixture);

    [Fact]
    public async Task FullStory_ProfileToOutcomes_EverythingReadsBack()
    {
        // Profile with two versions; the second widens the head-count range.
        var profileId = await scenario.CreateProfileWithTwoVersionsAsync();
        var versions = await fixture.Profiles.ListProfileVersionsAsync(new ListProfileVersionsRequest { Parent = $"profiles/{profileId}" });
        Assert.Equal([1, 2], versions.ProfileVersions.Select(v => v.VersionNumber));

        var diff = await fixture.Profiles.DiffProfileVersionsAsync(new DiffProfileVersionsRequest
        {
            BaseVersion = $"profiles/{profileId}/versions/1",
            OtherVersion = $"profiles/{profileId}/versions/2",
        });
        var change = Assert.Single(diff.Changes);
        Assert.Equal("employee_count", change.Attribute);
        Assert.Equal(CriterionChange.Types.ChangeKind.Changed, change.Kind);
        Assert.Equal(ChangeDirection.Widening, change.Direction);

        var scores = await fixture.Profiles.ScoreAccountsAsync(new ScoreAccountsRequest
        {
            ProfileVersion = $"profiles/{profileId}/versions/1",
            Accounts = { new AccountToScore { AccountId = "small", Attributes = Requests.Attributes(employees: 100) } },
        });
        Assert.False(scores.Scores[0].Qualified);
        Assert.Equal(["employee_count"], scores.Scores[0].UnmatchedCriteria);

        // Experiment, campaigns, start.
        var experiment = (await fixture.Experiments.CreateExperimentAsync(new CreateExperimentRequest
        {
            ExperimentId = Requests.NewId("exp"),
            Experiment = Requests.Experiment(profileId),
        })).Experiment;
        Assert.Equal(ExperimentState.Draft, experiment.State);
        Assert.Equal(0.05, experiment.Alpha);
        Assert.Equal(AnalysisMode.Sequential, experiment.AnalysisMode);
        var campaign = (await fixture.Experiments.CreateCampaignAsync(new CreateCampaignRequest { Parent = experiment.Name, CampaignId = "control-email", Campaign = Requests.Campaign("control") })).Campaign;
        await fixture.Experiments.CreateCampaignAsync(new CreateCampaignRequest { Parent = experiment.Name, CampaignId = "wider-email", Campaign = Requests.Campaign("wider") });
        campaign.Spend = new Google.Type.Money { CurrencyCode = "USD", Units = 2500, Nanos = 500_000_000 };
        await fixture.Experiments.UpdateCampaignAsync(new UpdateCampaignRequest { Campaign = campaign, UpdateMask = new FieldMask { Paths = { "spend" } } });
        experiment = (await fixture.Experiments.StartExperimentAsync(new StartExperimentRequest { Name = experiment.Name, Etag = experiment.Etag })).Experiment;
        Assert.Equal(ExperimentState.Running, experiment.State);

        // Enrol two accounts one by one, record their outcomes one by one.
        var enrolledAt = DateTimeOffset.UtcNow.AddDays(-40);
        await scenario.EnrolAsync(experiment, "acct-1", "control");
        await scenario.EnrolAsync(experiment, "acct-2", "wider");
        await fixture.Outcomes.RecordOutcomeAsync(new RecordOutcomeRequest { Parent = experiment.Name, Outcome = Requests.Converted("acct-1", enrolledAt.AddDays(20), 30_000) });
        await fixture.Outcomes.RecordOutcomeAsync(new RecordOutcomeRequest { Parent = experiment.Name, Outcome = Requests.Lost("acct-2", enrolledAt.AddDays(15)) });

        // Bulk: 100 enrolments with outcomes in two acknowledged batches.
        using (var import = fixture.Outcomes.ImportOutcomes())
        {
            for (int batch = 0; batch < 2; batch++)
            {
                var request = new ImportOutcomesRequest { BatchId = $"b{batch}", Parent = experiment.Name };
                for (int i = 0; i < 50; i++)
                {
                    var accountId = $"bulk-{batch}-{i}";
                    request.Rows.Add(new ImportRow { Enrolment = Requests.Enrolment(accountId, i % 2 == 0 ? "control" : "wider", enrolledAt) });
                    request.Rows.Add(new ImportRow { Outcome = Requests.Lost(accountId, enrolledAt.AddDays(10)) });
                }

                await import.RequestStream.WriteAsync(request);
                Assert.True(await import.ResponseStream.MoveNext(CancellationToken.None));
                var ack = import.ResponseStream.Current;
                Assert.Equal($"b{batch}", ack.BatchId);
                Assert.Equal(100, ack.AcceptedCount);
                Assert.Empty(ack.RejectedRows);
            }

            await import.RequestStream.CompleteAsync();
            Assert.False(await import.ResponseStream.MoveNext(CancellationToken.None));
        }

        // Read back.
        var enrolments = await fixture.Experiments.ListEnrolmentsAsync(new ListEnrolmentsRequest { Parent = experiment.Name, PageSize = 1000 });
        Assert.Equal(102, enrolments.Enrolments.Count);
        var outcomes = await fixture.Outcomes.ListOutcomesAsync(new ListOutcomesRequest { Parent = experiment.Name, PageSize = 1000 });
        Assert.Equal(102, outcomes.Outcomes.Count);
        var won = Assert.Single(outcomes.Outcomes, o => o.ResultCase == Outcome.ResultOneofCase.Converted);
        Assert.Equal(30_000, won.Converted.Acv.Units);
        var campaigns = await fixture.Experiments.ListCampaignsAsync(new ListCampaignsRequest { Parent = experiment.Name });
        Assert.Equal(2500, campaigns.Campaigns.Single(c => c.ArmKey == "control").Spend.Units);
        Assert.Equal(500_000_000, campaigns.Campaigns.Single(c => c.ArmKey == "control").Spend.Nanos);
    }

    [Fact]
    public async Task ImportOutcomes_InvalidRowsAmongValid_StoresValidAndReportsEachRejectedRow()
    {
        var experiment = await scenario.CreateRunningExperimentAsync();
        var at = DateTimeOffset.UtcNow.AddDays(-20);
        var request = new ImportOutcomesRequest
        {
            BatchId = "mixed",
            Parent = experiment.Name,
            Rows =
            {
                new ImportRow { Enrolment = Requests.Enrolment("ok-1", "control", at) },
                new ImportRow(),
                new ImportRow { Outcome = Requests.Lost("ok-1", at.AddDays(1)) },
                new ImportRow { Outcome = new Outcome { AccountId = "ok-1", EventId = "no-result" } },
                new ImportRow { Enrolment = Requests.Enrolment("ok-2", "wider", at) },
            },
        };

        using var import = fixture.Outcomes.ImportOutcomes();
        await import.RequestStream.WriteAsync(request);
        await import.RequestStream.CompleteAsync();
        Assert.True(await import.ResponseStream.MoveNext(CancellationToken.None));
        var ack = import.ResponseStream.Current;

        Assert.Equal(3, ack.AcceptedCount);
        Assert.Equal(0, ack.DuplicateCount);
        Assert.Equal([1, 3], ack.RejectedRows.Select(r => r.Index));
        Assert.Equal("MALFORMED_ROW", ack.RejectedRows[0].Reason);
        Assert.Equal(("INVALID_ROW", "outcome"), (ack.RejectedRows[1].Reason, ack.RejectedRows[1].Field));
        var enrolments = await fixture.Experiments.ListEnrolmentsAsync(new ListEnrolmentsRequest { Parent = experiment.Name });
        Assert.Equal(2, enrolments.Enrolments.Count);
    }

    [Fact]
    public async Task ImportOutcomes_BatchForUnknownExperiment_EndsStreamWithNotFoundAndKeepsAcknowledgedBatches()
    {
        var experiment = await scenario.CreateRunningExperimentAsync();
        var at = DateTimeOffset.UtcNow.AddDays(-3);
        using var import = fixture.Outcomes.ImportOutcomes();

        await import.RequestStream.WriteAsync(new ImportOutcomesRequest { BatchId = "good", Parent = experiment.Name, Rows = { new ImportRow { Enrolment = Requests.Enrolment("kept", "control", at) } } });
        Assert.True(await import.ResponseStream.MoveNext(CancellationToken.None));
        await import.RequestStream.WriteAsync(new ImportOutcomesRequest { BatchId = "bad", Parent = "experiments/no-such-experiment", Rows = { new ImportRow { Enrolment = Requests.Enrolment("lost", "control", at) } } });
        var failure = await Assert.ThrowsAsync<RpcException>(() => import.ResponseStream.MoveNext(CancellationToken.None));

        RpcAssert.AssertStatus(failure, StatusCode.NotFound);
        var enrolments = await fixture.Experiments.ListEnrolmentsAsync(new ListEnrolmentsRequest { Parent = experiment.Name });
        Assert.Equal("kept", Assert.Single(enrolments.Enrolments).AccountId);
    }

    [Fact]
    public async Task ImportOutcomes_BatchOverTheRowLimit_InvalidArgumentOnRows()
    {
        var experiment = await scenario.CreateRunningExperimentAsync();
        var request = new ImportOutcomesRequest { BatchId = "huge", Parent = experiment.Name };
        var row = new ImportRow { Outcome = Requests.Lost("nobody", DateTimeOffset.UtcNow.AddDays(-1)) };
        for (int i = 0; i < 10_001; i++) request.Rows.Add(row);
        using var import = fixture.Outcomes.ImportOutcomes();

        await import.RequestStream.WriteAsync(request);
        var failure = await Assert.ThrowsAsync<RpcException>(() => import.ResponseStream.MoveNext(CancellationToken.None));

        var status = RpcAssert.AssertStatus(failure, StatusCode.InvalidArgument);
        Assert.Contains(status.GetDetail<Google.Rpc.BadRequest>().FieldViolations, v => v.Field == "rows");
    }

    [Collection(SharedServer.Name)]
    public sealed class OnSqlite(ServerFixture fixture) : ExperimentStoryTests(fixture);

    [Collection(PostgresSharedServer.Name)]
    public sealed class OnPostgres(PostgresServerFixture fixture) : ExperimentStoryTests(fixture);
}
