using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Paging;
using static IcpExperiments.Storage.Tests.TestData;

namespace IcpExperiments.Storage.Tests;

public abstract class ImportTests(StorageEngine engine)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ImportAsync_MixedValidAndInvalidRows_StoresTheValidOnesAndReportsEachRejectionByIndex()
    {
        // Arrange
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(engine);
        await database.Outcomes().EnrollAsync(Team, Enrolment("stored", "variant-a"), None);
        var rows = new ImportRow[]
        {
            new(Enrolment("acme"), null),                                            // 0 stored
            new(null, Converted("won-acme", "acme")),                                // 1 stored: enrolled by row 0
            new(null, Lost("lost-ghost", "ghost")),                                  // 2 ACCOUNT_NOT_ENROLLED
            new(Enrolment("stored", "control", eventId: "again"), null),             // 3 contamination
            new(null, Lost("lost-stored", "stored")),                                // 4 stored
            new(null, Converted("won-acme", "acme")),                                // 5 duplicate of row 1
            new(null, Converted("won-acme", "acme", 1m)),                            // 6 EVENT_ID_REUSED within the batch
            new(null, Lost("early", "stored") with { OccurredAt = Now.AddDays(-40) }), // 7 before enrolment
            new(Enrolment("globex", "variant-z"), null),                             // 8 ARM_NOT_FOUND
            new(null, null),                                                         // 9 malformed
            new(Enrolment("initech", "variant-a"), null),                            // 10 stored
        };

        // Act
        var result = await database.Outcomes().ImportAsync(Team, "exp-1", new ImportBatch("batch-1", rows), Now, None);

        // Assert
        Assert.Equal(("batch-1", 4, 1), (result.BatchId, result.Accepted, result.Duplicates));
        Assert.Equal(
            [(2, "ACCOUNT_NOT_ENROLLED"), (3, "ACCOUNT_ALREADY_ENROLLED"), (6, "EVENT_ID_REUSED"), (7, "OUTCOME_BEFORE_ENROLMENT"), (8, "ARM_NOT_FOUND"), (9, "INVALID_ARGUMENT")],
            result.Rejections.Select(r => (r.Index, r.Reason)));
        Assert.Equal("event_id", result.Rejections.Single(r => r.Index == 6).Field);
        var enrolments = await database.Outcomes().ListEnrolmentsAsync(Team, "exp-1", PageRequest.First, None);
        Assert.Equal([("acme", "control"), ("initech", "variant-a"), ("stored", "variant-a")], enrolments.Items.Select(e => (e.Account.AccountId, e.ArmKey)));
        var outcomes = await database.Outcomes().ListOutcomesAsync(Team, "exp-1", PageRequest.First, None);
        Assert.Equal(["lost-stored", "won-acme"], outcomes.Items.Select(o => o.Event.EventId));
        Assert.Equal(24_000.10m, outcomes.Items.Single(o => o.Event.EventId == "won-acme").Event.Acv!.Value.Amount);
    }

    [Fact]
    public async Task ImportAsync_SameBatchTwice_SecondIsAllDuplicatesAndStoresNothing()
    {
        // Arrange
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(engine);
        var rows = Enumerable.Range(0, 50).SelectMany(i => new ImportRow[] { new(Enrolment($"a-{i}", i % 2 == 0 ? "control" : "variant-a"), null), new(null, Lost($"l-{i}", $"a-{i}")) }).ToList();
        var first = await database.Outcomes().ImportAsync(Team, "exp-1", new ImportBatch("b", rows), Now, None);
        var version = await database.DataVersions().GetAsync(Team, "exp-1", None);

        // Act
        var second = await database.Outcomes().ImportAsync(Team, "exp-1", new ImportBatch("b", rows), Now, None);

        // Assert
        Assert.Equal((100, 0), (first.Accepted, first.Rejections.Count));
        Assert.Equal((0, 100, 0), (second.Accepted, second.Duplicates, second.Rejections.Count));
        Assert.Equal(version, await database.DataVersions().GetAsync(Team, "exp-1", None));
        Assert.Equal(50, (await database.Outcomes().ListOutcomesAsync(Team, "exp-1", new PageRequest(1000, null), None)).Items.Count);
    }

    [Fact]
    public async Task ImportAsync_StoppedExperiment_RejectsEnrolmentsButStoresOutcomes()
    {
        // Arrange
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(engine);
        await database.Outcomes().EnrollAsync(Team, Enrolment("acme"), None);
        var experiment = await database.Experiments().GetAsync(Team, "exp-1", None);
        await database.Experiments().UpdateAsync(Team, experiment with { State = ExperimentState.Stopped }, experiment.Etag, None);
        var rows = new ImportRow[] { new(Enrolment("late"), null), new(null, Converted("won", "acme")) };

        // Act
        var result = await database.Outcomes().ImportAsync(Team, "exp-1", new ImportBatch("b", rows), Now, None);

        // Assert
        Assert.Equal(1, result.Accepted);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal((0, IngestRules.NotRunningReason), (rejection.Index, rejection.Reason));
    }

    [Fact]
    public async Task ImportAsync_ConcurrentBatches_AllRowsStoredOnceAndDataVersionCountsBatches()
    {
        // Arrange
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(engine);
        var enrol = Enumerable.Range(0, 400).Select(i => new ImportRow(Enrolment($"a-{i}"), null)).ToList();
        await database.Outcomes().ImportAsync(Team, "exp-1", new ImportBatch("enrol", enrol), Now, None);

        // Act: 8 callers, each importing 50 outcomes, plus a repeat of the first caller's batch.
        var batches = Enumerable.Range(0, 8).Select(b => new ImportBatch($"b{b}", Enumerable.Range(b * 50, 50).Select(i => new ImportRow(null, Lost($"l-{i}", $"a-{i}"))).ToList())).ToList();
        var results = await Task.WhenAll(batches.Append(batches[0]).Select(batch => Task.Run(() => database.Outcomes().ImportAsync(Team, "exp-1", batch, Now, None))));

        // Assert
        Assert.Equal(400, results.Sum(r => r.Accepted));
        Assert.Equal(50, results.Sum(r => r.Duplicates));
        Assert.All(results, r => Assert.Empty(r.Rejections));
        Assert.Equal(9L, await database.DataVersions().GetAsync(Team, "exp-1", None));
    }

    [Fact]
    public async Task ImportAsync_EnrolmentWithoutExperimentIdInRow_IsStoredUnderTheBatchExperimentAndRetriesAsDuplicate()
    {
        // Arrange
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(engine);
        var row = new ImportRow(Enrolment("acme") with { ExperimentId = "" }, null);
        await database.Outcomes().ImportAsync(Team, "exp-1", new ImportBatch("b", [row]), Now, None);

        // Act
        var unaryRetry = await database.Outcomes().EnrollAsync(Team, Enrolment("acme"), None);

        // Assert
        Assert.Equal(RecordDisposition.Duplicate, unaryRetry.Disposition);
        Assert.Equal("exp-1", unaryRetry.Enrolment.ExperimentId);
    }

    public sealed class OnSqlite() : ImportTests(StorageEngine.Sqlite);

    public sealed class OnPostgres() : ImportTests(StorageEngine.Postgres);
}
