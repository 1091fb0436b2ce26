using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Paging;
using static IcpExperiments.Storage.Tests.TestData;

namespace IcpExperiments.Storage.Tests;

public abstract class OutcomeRepositoryTests(StorageEngine engine)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task EnrollAsync_NewAccount_StoresEnrolmentWithAttributes()
    {
        // Arrange
        await using var database = await CreateRunningAsync(engine);

        // Act
        var result = await database.Outcomes().EnrollAsync(Team, Enrolment("acme"), None);

        // Assert
        Assert.Equal(RecordDisposition.Accepted, result.Disposition);
        var stored = Assert.Single((await database.Outcomes().ListEnrolmentsAsync(Team, "exp-1", PageRequest.First, None)).Items);
        Assert.Equal(Enrolment("acme") with { Account = stored.Account }, stored);
        Assert.Equal(Attributes().TechStack, stored.Account.Attributes.TechStack);
        Assert.Equal(Attributes().Extra, stored.Account.Attributes.Extra);
        Assert.Equal(Attributes() with { TechStack = stored.Account.Attributes.TechStack, Extra = stored.Account.Attributes.Extra }, stored.Account.Attributes);
    }

    [Fact]
    public async Task EnrollAsync_RetryWithSameEventAndContent_ReturnsOriginalAsDuplicate()
    {
        // Arrange
        await using var database = await CreateRunningAsync(engine);
        await database.Outcomes().EnrollAsync(Team, Enrolment("acme"), None);

        // Act
        var retry = await database.Outcomes().EnrollAsync(Team, Enrolment("acme"), None);

        // Assert
        Assert.Equal(RecordDisposition.Duplicate, retry.Disposition);
        Assert.Equal("enrol-acme", retry.Enrolment.EventId);
        Assert.Equal(Now.AddDays(-30), retry.Enrolment.EnrolledAt);
    }

    [Fact]
    public async Task EnrollAsync_SameEventIdDifferentContent_ThrowsAlreadyExists()
    {
        // Arrange
        await using var database = await CreateRunningAsync(engine);
        await database.Outcomes().EnrollAsync(Team, Enrolment("acme"), None);

        // Act / Assert
        var error = await Assert.ThrowsAsync<AlreadyExistsException>(() => database.Outcomes().EnrollAsync(Team, Enrolment("globex", eventId: "enrol-acme"), None));
        Assert.Equal("EVENT_ID_REUSED", error.Reason);
    }

    [Fact]
    public async Task EnrollAsync_AccountAlreadyInAnotherArm_ThrowsPreconditionFailed()
    {
        // Arrange
        await using var database = await CreateRunningAsync(engine);
        await database.Outcomes().EnrollAsync(Team, Enrolment("acme", "control"), None);

        // Act / Assert
        var error = await Assert.ThrowsAsync<PreconditionFailedException>(() =>
            database.Outcomes().EnrollAsync(Team, Enrolment("acme", "variant-a", eventId: "second"), None));
        Assert.Equal("ACCOUNT_ALREADY_ENROLLED", error.Reason);
        Assert.Equal("control", Assert.Single((await database.Outcomes().ListEnrolmentsAsync(Team, "exp-1", PageRequest.First, None)).Items).ArmKey);
    }

    [Theory]
    [InlineData(ExperimentState.Draft)]
    [InlineData(ExperimentState.Stopped)]
    public async Task EnrollAsync_ExperimentNotRunning_ThrowsPreconditionFailed(ExperimentState state)
    {
        // Arrange
        await using var database = await CreateRunningAsync(engine, state);

        // Act / Assert
        var error = await Assert.ThrowsAsync<PreconditionFailedException>(() => database.Outcomes().EnrollAsync(Team, Enrolment("acme"), None));
        Assert.Equal(IngestRules.NotRunningReason, error.Reason);
    }

    [Fact]
    public async Task EnrollAsync_UnknownArmOrCampaign_ThrowsPreconditionFailed()
    {
        // Arrange
        await using var database = await CreateRunningAsync(engine);
        await database.Experiments().CreateCampaignAsync(Team, Campaign(arm: "control"), None);

        // Act / Assert
        Assert.Equal("ARM_NOT_FOUND", (await Assert.ThrowsAsync<PreconditionFailedException>(() => database.Outcomes().EnrollAsync(Team, Enrolment("a", "variant-z"), None))).Reason);
        Assert.Equal("CAMPAIGN_NOT_FOUND", (await Assert.ThrowsAsync<PreconditionFailedException>(() => database.Outcomes().EnrollAsync(Team, Enrolment("a", campaignId: "cmp-x"), None))).Reason);
        Assert.Equal("CAMPAIGN_ARM_MISMATCH", (await Assert.ThrowsAsync<PreconditionFailedException>(() => database.Outcomes().EnrollAsync(Team, Enrolment("a", "variant-a", campaignId: "cmp-1"), None))).Reason);
        Assert.Equal(RecordDisposition.Accepted, (await database.Outcomes().EnrollAsync(Team, Enrolment("a", campaignId: "cmp-1"), None)).Disposition);
    }

    [Fact]
    public async Task EnrollAsync_AnotherTeamsExperiment_ThrowsNotFound()
    {
        // Arrange
        await using var database = await CreateRunningAsync(engine);

        // Act / Assert
        await Assert.ThrowsAsync<NotFoundException>(() => database.Outcomes().EnrollAsync(OtherTeam, Enrolment("acme"), None));
        await Assert.ThrowsAsync<NotFoundException>(() => database.Outcomes().RecordAsync(OtherTeam, "exp-1", Converted("e1", "acme"), Now, None));
        await Assert.ThrowsAsync<NotFoundException>(() => database.Outcomes().ListOutcomesAsync(OtherTeam, "exp-1", PageRequest.First, None));
        await Assert.ThrowsAsync<NotFoundException>(() => database.Outcomes().ListEnrolmentsAsync(OtherTeam, "exp-1", PageRequest.First, None));
    }

    [Fact]
    public async Task ImportAndRecord_AfterAWriteThatFailedInsideItsTransaction_StoreNormally()
    {
        // Arrange: a write whose experiment is missing fails after its transaction began; it must be rolled back, or
        // the writer connection's next BEGIN fails ("cannot start a transaction within a transaction").
        await using var database = await CreateRunningAsync(engine);
        await database.Outcomes().EnrollAsync(Team, Enrolment("acme"), None);
        var batch = new ImportBatch("b", [new ImportRow(null, Lost("i-1", "acme"))]);
        await Assert.ThrowsAsync<NotFoundException>(() => database.Outcomes().ImportAsync(Team, "no-such-experiment", batch, Now, None));
        await Assert.ThrowsAsync<NotFoundException>(() => database.Outcomes().RecordAsync(Team, "no-such-experiment", Lost("r-1", "acme"), Now, None));

        // Act
        var imported = await database.Outcomes().ImportAsync(Team, "exp-1", batch, Now, None);
        var recorded = await database.Outcomes().RecordAsync(Team, "exp-1", Lost("r-1", "acme"), Now, None);

        // Assert
        Assert.Equal(1, imported.Accepted);
        Assert.Equal(RecordDisposition.Accepted, recorded.Disposition);
        var stored = await database.Outcomes().ListOutcomesAsync(Team, "exp-1", PageRequest.First, None);
        Assert.Equal(["i-1", "r-1"], stored.Items.Select(o => o.Event.EventId));
    }

    [Fact]
    public async Task RecordAsync_AccountEnrolledOnlyInAnotherTeamsSameNamedExperiment_ThrowsAccountNotEnrolled()
    {
        // Arrange
        await using var database = await CreateRunningAsync(engine);
        await database.Profiles().CreateAsync(OtherTeam, Profile(), None);
        await database.Experiments().CreateAsync(OtherTeam, Experiment(), None);
        await database.Outcomes().EnrollAsync(Team, Enrolment("acme"), None);
        await database.Outcomes().RecordAsync(Team, "exp-1", Lost("l-1", "acme"), Now, None);

        // Act / Assert
        var error = await Assert.ThrowsAsync<PreconditionFailedException>(() => database.Outcomes().RecordAsync(OtherTeam, "exp-1", Lost("l-1", "acme"), Now, None));
        Assert.Equal("ACCOUNT_NOT_ENROLLED", error.Reason);
        Assert.Empty((await database.Outcomes().ListEnrolmentsAsync(OtherTeam, "exp-1", PageRequest.First, None)).Items);
        Assert.Equal(0L, await database.DataVersions().GetAsync(OtherTeam, "exp-1", None));
    }

    [Fact]
    public async Task RecordAsync_EnrolledAccount_StoresOutcomeExactly()
    {
        // Arrange
        await using var database = await CreateRunningAsync(engine);
        await database.Outcomes().EnrollAsync(Team, Enrolment("acme"), None);

        // Act
        var recorded = await database.Outcomes().RecordAsync(Team, "exp-1", Converted("won-1", "acme", 24_000.10m), Now, None);

        // Assert
        Assert.Equal(RecordDisposition.Accepted, recorded.Disposition);
        var stored = Assert.Single((await database.Outcomes().ListOutcomesAsync(Team, "exp-1", PageRequest.First, None)).Items);
        Assert.Equal(new RecordedOutcome("exp-1", Converted("won-1", "acme", 24_000.10m), Now, RecordDisposition.Accepted), stored);
    }

    [Fact]
    public async Task RecordAsync_RetryWithSameContent_ReturnsOriginalRecordedAt()
    {
        // Arrange
        await using var database = await CreateRunningAsync(engine);
        await database.Outcomes().EnrollAsync(Team, Enrolment("acme"), None);
        await database.Outcomes().RecordAsync(Team, "exp-1", Converted("won-1", "acme"), Now, None);

        // Act
        var retry = await database.Outcomes().RecordAsync(Team, "exp-1", Converted("won-1", "acme"), Now.AddMinutes(5), None);

        // Assert
        Assert.Equal(new RecordedOutcome("exp-1", Converted("won-1", "acme"), Now, RecordDisposition.Duplicate), retry);
    }

    [Fact]
    public async Task RecordAsync_SameEventIdDifferentContent_ThrowsAlreadyExists()
    {
        // Arrange
        await using var database = await CreateRunningAsync(engine);
        await database.Outcomes().EnrollAsync(Team, Enrolment("acme"), None);
        await database.Outcomes().RecordAsync(Team, "exp-1", Converted("won-1", "acme"), Now, None);

        // Act / Assert
        var error = await Assert.ThrowsAsync<AlreadyExistsException>(() => database.Outcomes().RecordAsync(Team, "exp-1", Converted("won-1", "acme", 1m), Now, None));
        Assert.Equal("EVENT_ID_REUSED", error.Reason);
    }

    [Fact]
    public async Task RecordAsync_AccountNotEnrolledOrOutcomeBeforeEnrolment_ThrowsPreconditionFailed()
    {
        // Arrange
        await using var database = await CreateRunningAsync(engine);
        await database.Outcomes().EnrollAsync(Team, Enrolment("acme"), None);

        // Act / Assert
        Assert.Equal("ACCOUNT_NOT_ENROLLED", (await Assert.ThrowsAsync<PreconditionFailedException>(() =>
            database.Outcomes().RecordAsync(Team, "exp-1", Lost("l-1", "globex"), Now, None))).Reason);
        Assert.Equal("OUTCOME_BEFORE_ENROLMENT", (await Assert.ThrowsAsync<PreconditionFailedException>(() =>
            database.Outcomes().RecordAsync(Team, "exp-1", Lost("l-2", "acme") with { OccurredAt = Now.AddDays(-31) }, Now, None))).Reason);
        Assert.Empty((await database.Outcomes().ListOutcomesAsync(Team, "exp-1", PageRequest.First, None)).Items);
    }

    [Theory]
    [InlineData(ExperimentState.Stopped, true)]
    [InlineData(ExperimentState.Concluded, false)]
    public async Task RecordAsync_AfterRunning_AcceptedOnlyWhileStopped(ExperimentState state, bool accepted)
    {
        // Arrange
        await using var database = await CreateRunningAsync(engine);
        await database.Outcomes().EnrollAsync(Team, Enrolment("acme"), None);
        var experiment = await database.Experiments().GetAsync(Team, "exp-1", None);
        await database.Experiments().UpdateAsync(Team, experiment with { State = state }, experiment.Etag, None);

        // Act
        var record = () => database.Outcomes().RecordAsync(Team, "exp-1", Lost("l-1", "acme"), Now, None);

        // Assert
        if (accepted) Assert.Equal(RecordDisposition.Accepted, (await record()).Disposition);
        else Assert.Equal(IngestRules.NotAcceptingOutcomesReason, (await Assert.ThrowsAsync<PreconditionFailedException>(record)).Reason);
    }

    [Fact]
    public async Task Writes_AcceptedDuplicateAndRejected_BumpTheDataVersionOnlyWhenSomethingIsStored()
    {
        // Arrange
        await using var database = await CreateRunningAsync(engine);
        var before = await database.DataVersions().GetAsync(Team, "exp-1", None);

        // Act
        await database.Outcomes().EnrollAsync(Team, Enrolment("acme"), None);
        var afterEnrol = await database.DataVersions().GetAsync(Team, "exp-1", None);
        await database.Outcomes().EnrollAsync(Team, Enrolment("acme"), None);
        await Assert.ThrowsAsync<PreconditionFailedException>(() => database.Outcomes().RecordAsync(Team, "exp-1", Lost("l", "nobody"), Now, None));
        var afterNoOps = await database.DataVersions().GetAsync(Team, "exp-1", None);
        await database.Outcomes().RecordAsync(Team, "exp-1", Lost("l", "acme"), Now, None);
        var afterOutcome = await database.DataVersions().GetAsync(Team, "exp-1", None);
        var experiment = await database.Experiments().GetAsync(Team, "exp-1", None);
        await database.Experiments().UpdateAsync(Team, experiment with { State = ExperimentState.Stopped }, experiment.Etag, None);
        var afterStateChange = await database.DataVersions().GetAsync(Team, "exp-1", None);

        // Assert
        Assert.Equal([0L, 1L, 1L, 2L, 2L], [before, afterEnrol, afterNoOps, afterOutcome, afterStateChange]);
    }

    [Fact]
    public async Task ListOutcomesAsync_PagesOfThree_ReturnsEveryOutcomeOnceByEventId()
    {
        // Arrange
        await using var database = await CreateRunningAsync(engine);
        await database.Outcomes().EnrollAsync(Team, Enrolment("acme"), None);
        for (int i = 9; i >= 0; i--) await database.Outcomes().RecordAsync(Team, "exp-1", Lost($"l-{i}", "acme"), Now, None);

        // Act
        var ids = new List<string>();
        string? token = null;
        do
        {
            var page = await database.Outcomes().ListOutcomesAsync(Team, "exp-1", new PageRequest(3, token), None);
            ids.AddRange(page.Items.Select(o => o.Event.EventId));
            token = page.NextPageToken;
        }
        while (token is not null);

        // Assert
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"l-{i}"), ids);
    }

    internal static async Task<TestDatabase> CreateRunningAsync(StorageEngine engine, ExperimentState state = ExperimentState.Running)
    {
        var database = await ExperimentRepositoryTests.CreateWithProfileAsync(engine);
        await database.Experiments().CreateAsync(Team, Experiment(state: state), None);
        return database;
    }

    public sealed class OnSqlite() : OutcomeRepositoryTests(StorageEngine.Sqlite);

    public sealed class OnPostgres() : OutcomeRepositoryTests(StorageEngine.Postgres);
}
