using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Analysis;

/// <summary>GetSegments end to end: accounts imported through the API with industries, one of which has a real lift.</summary>
[Collection(SharedServer.Name)]
public sealed class SegmentsTests(ServerFixture fixture)
{
    private readonly Scenario scenario = new(fixture);
    private readonly AnalysisService.AnalysisServiceClient analysis = new(fixture.Channel);

    [Fact]
    public async Task GetSegments_OneIndustryWithLift_OnlyThatSegmentStandsOutAfterAdjustment()
    {
        // Arrange: 60 accounts per arm and industry; fintech converts 10 -> 40, saas and retail 15 -> 15; media is tiny.
        var experiment = await scenario.CreateRunningExperimentAsync();
        var now = DateTimeOffset.UtcNow;
        var request = new ImportOutcomesRequest { BatchId = "segments", Parent = experiment.Name };
        AddAccounts(request, "fintech", "control", 60, 10, now);
        AddAccounts(request, "fintech", "wider", 60, 40, now);
        AddAccounts(request, "saas", "control", 60, 15, now);
        AddAccounts(request, "saas", "wider", 60, 15, now);
        AddAccounts(request, "retail", "control", 60, 15, now);
        AddAccounts(request, "retail", "wider", 60, 15, now);
        AddAccounts(request, "media", "control", 5, 1, now);
        AddAccounts(request, "media", "wider", 5, 4, now);
        await ImportAsync(request);

        // Act
        var segments = (await analysis.GetSegmentsAsync(new GetSegmentsRequest { Experiment = experiment.Name, Attributes = { "industry" } })).Segments;

        // Assert
        Assert.Equal(["fintech", "media", "retail", "saas"], segments.Rows.Select(r => r.Value));
        Assert.All(segments.Rows, r => Assert.True(r.Exploratory));
        var fintech = segments.Rows[0];
        Assert.Equal([(60, 10), (60, 40)], fintech.Arms.Select(a => (a.Accounts, a.Converted)));
        Assert.Equal(20_000, fintech.Arms[1].MeanAcv, 6);
        Assert.True(fintech.Comparisons[0].AdjustedPValue < 0.001);
        Assert.True(fintech.Comparisons[0].Difference.Interval.Lower > 0);
        Assert.True(segments.Rows[1].TooSmall);
        Assert.Empty(segments.Rows[1].Comparisons);
        Assert.All(segments.Rows.Skip(2), r => Assert.True(r.Comparisons[0].AdjustedPValue > 0.5));
        Assert.Equal(3, segments.Comparisons);
        Assert.Equal(30, segments.MinAccounts);
        Assert.Contains("not decision-grade", segments.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSegments_NoAttributes_BreaksDownByEveryBandedAttribute()
    {
        // Arrange
        var experiment = await scenario.CreateRunningExperimentAsync();
        var request = new ImportOutcomesRequest { BatchId = "all", Parent = experiment.Name };
        AddAccounts(request, "saas", "control", 3, 1, DateTimeOffset.UtcNow);
        await ImportAsync(request);

        // Act
        var segments = (await analysis.GetSegmentsAsync(new GetSegmentsRequest { Experiment = experiment.Name, MinAccounts = 1 })).Segments;

        // Assert: Requests.Attributes() has 300 employees and 2e7 revenue.
        Assert.Equal(
            [("industry", "saas"), ("employee_count", "200-999"), ("region", "north_america"), ("annual_revenue", "10M-100M"), ("funding_stage", "series_b")],
            segments.Rows.Select(r => (r.Attribute, r.Value)));
    }

    [Fact]
    public async Task GetSegments_Draft_FailedPreconditionExperimentNotStarted()
    {
        // Arrange
        var draft = await scenario.CreateDraftExperimentAsync();

        // Act
        var status = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => analysis.GetSegmentsAsync(new GetSegmentsRequest { Experiment = draft.Name }));

        // Assert
        Assert.Equal("EXPERIMENT_NOT_STARTED", RpcAssert.Reason(status));
    }

    [Fact]
    public async Task GetSegments_UnknownExperiment_NotFound()
    {
        // Act
        var status = await RpcAssert.FailsAsync(StatusCode.NotFound, () => analysis.GetSegmentsAsync(new GetSegmentsRequest { Experiment = "experiments/no-such-experiment" }));

        // Assert
        Assert.Equal("EXPERIMENT_NOT_FOUND", RpcAssert.Reason(status));
    }

    [Theory]
    [InlineData("attributes[0]")]
    [InlineData("min_accounts")]
    [InlineData("as_of")]
    public async Task GetSegments_InvalidField_InvalidArgumentNamingIt(string field)
    {
        // Arrange
        var experiment = await scenario.CreateRunningExperimentAsync();
        var request = new GetSegmentsRequest { Experiment = experiment.Name };
        switch (field)
        {
            case "attributes[0]": request.Attributes.Add("tech_stack"); break;
            case "min_accounts": request.MinAccounts = -1; break;
            default: request.AsOf = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)); break;
        }

        // Act / Assert
        await RpcAssert.InvalidFieldAsync(field, () => analysis.GetSegmentsAsync(request));
    }

    private static void AddAccounts(ImportOutcomesRequest request, string industry, string arm, int count, int wins, DateTimeOffset now)
    {
        for (int i = 0; i < count; i++)
        {
            var id = $"{industry}-{arm}-{i}";
            var enrolment = Requests.Enrolment(id, arm, now.AddDays(-40));
            enrolment.Attributes.Industry = industry;
            request.Rows.Add(new ImportRow { Enrolment = enrolment });
            if (i < wins) request.Rows.Add(new ImportRow { Outcome = Requests.Converted(id, now.AddDays(-20), 20_000) });
        }
    }

    private async Task ImportAsync(ImportOutcomesRequest request)
    {
        using var import = fixture.Outcomes.ImportOutcomes();
        await import.RequestStream.WriteAsync(request);
        Assert.True(await import.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Empty(import.ResponseStream.Current.RejectedRows);
        await import.RequestStream.CompleteAsync();
        Assert.False(await import.ResponseStream.MoveNext(CancellationToken.None));
    }
}
